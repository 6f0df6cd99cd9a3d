using System.Text.Json;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using static Borgerpuls.Tests.Infrastructure.Responses;

namespace Borgerpuls.Tests.Features.Results;

/// <summary>docs/analysis.md's worked example as answers: four target groups, 100 answers each to "samtale", positive
/// 62 / 50 / 48 / 41. Jobparat differs from the rest after Holm (p 0.006656 → 0.026624); fleksjob only before it
/// (p 0.032661 → 0.097984) — the same in the API, the report and the dashboard.</summary>
public sealed class GroupsAgainstRestResultsTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.AddDemoOrganisationAsync();
        static IEnumerable<Spec> Group(string group, int positive) =>
            Repeat(positive, new Spec("vive-7", new() { ["samtale"] = "5" }) { TargetGroup = group })
                .Concat(Repeat(100 - positive, new Spec("vive-7", new() { ["samtale"] = "1" }) { TargetGroup = group }));
        await WriteAsync(_database, Group("jobparat", 62).Concat(Group("dagpenge", 50)).Concat(Group("sygedagpenge", 48)).Concat(Group("fleksjob", 41)));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Api_report_and_dashboard_flag_the_group_that_differs_after_Holm_and_only_that_one()
    {
        await using var app = new BorgerpulsApp(_database);
        var analyst = await app.SignedInClientAsync(Roles.Analyst);
        using var json = JsonDocument.Parse(await analyst.GetStringAsync("/api/v1/results?instrument=vive-7&by=targetGroup&from=2025-03-01&to=2025-03-31"));
        JsonElement Flag(string group) => json.RootElement.GetProperty("groups").EnumerateArray()
            .Single(g => g.GetProperty("key").GetProperty("targetGroup").GetString() == group)
            .GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("key").GetString() == "samtale").GetProperty("versusRest");
        Assert.Equal(0.026624, Flag("jobparat").GetProperty("adjustedPValue").GetDouble(), 5);
        Assert.True(Flag("jobparat").GetProperty("significant").GetBoolean());
        Assert.Equal(0.032661, Flag("fleksjob").GetProperty("pValue").GetDouble(), 6);
        Assert.Equal(0.097984, Flag("fleksjob").GetProperty("adjustedPValue").GetDouble(), 5);
        Assert.False(Flag("fleksjob").GetProperty("significant").GetBoolean());

        var bars = (await analyst.GetStringAsync("/dashboard/charts/bars.csv?instrument=vive-7&from=2025-03&to=2025-03&groupBy=targetGroup")).Split("\r\n");
        var flagged = bars.Where(l => l.EndsWith("\"afviger signifikant fra de øvrige grupper (Holm-korrigeret)\"", StringComparison.Ordinal)).ToList();
        Assert.Contains("\"62,0\"", Assert.Single(flagged), StringComparison.Ordinal);

        var file = Path.Combine(Directory.CreateTempSubdirectory("borgerpuls-holm-").FullName, "r.docx");
        var report = await CliRunner.RunAsync("report", "--instrument", "vive-7", "--by", "targetGroup", "--from", "2025-03-01", "--to", "2025-03-31", "--out", file, "--db", _database.Value);
        Assert.True(report.ExitCode == 0, report.Error);
        using var word = WordprocessingDocument.Open(file, false);
        var body = word.MainDocumentPart!.Document!.Body!.InnerText;
        // One cell says so (jobparat's 62 %, its second line right after the figure); the note under the table says why.
        Assert.Equal(1, CountOf(body, "afviger fra de øvrige"));
        Assert.Equal(1, CountOf(body, "62 pct.afviger fra de øvrige"));
        Assert.Contains("Holm-korrigeret", body, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
