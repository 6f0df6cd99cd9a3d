using Borgerpuls.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using static Borgerpuls.Tests.Features.Reports.OpenXmlReading;

namespace Borgerpuls.Tests.Features.Reports;

public sealed class ReportSuppressionTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.AddDemoOrganisationAsync();
        await Responses.WriteAsync(_database, ReportDatabase.Group("jobparat", ReportDatabase.Codes((30, "5")), ReportDatabase.Codes((30, "4")))
            .Concat(ReportDatabase.Group("sygedagpenge", ReportDatabase.Codes((3, "1")), ReportDatabase.Codes((3, "2"))))
            .Concat(ReportDatabase.Group("fleksjob", ReportDatabase.Codes((20, "5")), ReportDatabase.Codes((20, "1")))));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_group_below_k_and_its_complement_print_the_marker_and_never_a_figure()
    {
        var dir = Directory.CreateTempSubdirectory("borgerpuls-report-").FullName;
        var result = await CliRunner.RunAsync("report", "--instrument", "vive-7", "--by", "targetGroup", "--from", "2000-01-01", "--out", Path.Combine(dir, "r.docx"), "--db", _database.Value);
        Assert.True(result.ExitCode == 0, result.Error);
        using var document = WordprocessingDocument.Open(Path.Combine(dir, "r.docx"), false);

        foreach (var caption in new[] { "Andel af positive besvarelser angivet i procent", "Andel af negative besvarelser angivet i procent" })
        {
            var table = WordTable(document, caption);
            var header = table[0];
            // Sygedagpenge has 3 answers (< 5); fleksjob, the next smallest, is hidden too so sygedagpenge cannot be derived from the total.
            // The small one says why; the complementary one must not claim to be small (it holds 20 answers).
            string[] Hidden(string marker) => Enumerable.Range(1, header.Count - 1).Where(c => table.Skip(1).All(r => r[c] == marker)).Select(c => header[c]).ToArray();
            Assert.Contains("ygedagpenge", Assert.Single(Hidden("færre end 5 svar")), StringComparison.Ordinal);
            Assert.Contains("leksjob", Assert.Single(Hidden("skjult, så små grupper ikke kan regnes ud")), StringComparison.Ordinal);
            var jobparat = header.FindIndex(h => h.Contains("obparat", StringComparison.Ordinal));
            Assert.Equal(caption.Contains("positive", StringComparison.Ordinal) ? "100 pct." : "0 pct.", Row(table, "1. Hvor tilfreds")[jobparat]);
        }
    }
}
