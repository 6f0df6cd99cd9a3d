using System.Text.Json;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using static Borgerpuls.Tests.Features.Reports.OpenXmlReading;

namespace Borgerpuls.Tests.Features.Results;

/// <summary>One selection across both years of <see cref="TargetQueryTests"/>' data, read through every output that shows
/// targets: each says of "Alle borgere 2026: mindst 85 %" the same — 80 % (16 of 20 in 2026), not met, not significantly
/// different — and none says 90 %, the value over both years.</summary>
public sealed class TargetAgreementTests : IAsyncLifetime
{
    private const string Name = "Alle borgere 2026: mindst 85 %";
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TargetQueryTests.SeedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Dashboard_api_command_line_and_the_three_report_formats_give_the_same_value_and_status()
    {
        var cli = await CliRunner.RunAsync("results", "--instrument", "vive-7", "--from", "2024-01-01", "--to", "2026-12-31", "--format", "json", "--db", _database.Value);
        Assert.True(cli.ExitCode == 0, cli.Error);
        AssertTarget(cli.Output);

        await using (var app = new BorgerpulsApp(_database))
        {
            var analyst = await app.SignedInClientAsync(Roles.Analyst);
            AssertTarget(await analyst.GetStringAsync("/api/v1/results?instrument=vive-7&from=2024-01-01&to=2026-12-31&by=targetGroupSet"));
            var html = await analyst.GetStringAsync("/dashboard?instrument=vive-7&from=2024-01&to=2026-12");
            var start = html.IndexOf("data-target=\"alle-2026\"", StringComparison.Ordinal);
            Assert.True(start >= 0, "no tile for the target");
            var tile = html[start..html.IndexOf("</li>", start, StringComparison.Ordinal)];
            Assert.Contains("Alle borgere, vurderet på 2026", tile);
            Assert.Contains("80,0 pct.", tile);
            Assert.Contains("Ikke opfyldt", tile);
            Assert.Contains("ikke signifikant forskellig", tile);
        }

        var expected = new[] { "Alle borgere", Name, "2026", "80,0 pct.", "mindst 85,0 pct.", "ikke opfyldt", "ikke signifikant forskellig fra målet" };
        using (var word = WordprocessingDocument.Open(await ReportAsync("docx"), false))
        {
            var table = WordTable(word, "Måltal, hvert vurderet for sin egen gruppe og sit eget år på den uafrundede værdi");
            Assert.Equal(["Hvem", "Måltal", "Vurderet på", "Resultat", "Mål", "Status", "Usikkerhed"], table[0]);
            Assert.Equal(expected, Assert.Single(table, r => r[1] == Name));
            // Seven targets, each on one line: none repeated per target-group set.
            Assert.Equal(7, table.Count - 1);
        }
        using (var workbook = SpreadsheetDocument.Open(await ReportAsync("xlsx"), false))
        {
            var row = Assert.Single(Sheet(workbook, "Måltal"), r => r.Count > 1 && Equals(r[1], Name));
            Assert.Equal(0.80, (double)row[3], 12);
            Assert.Equal(0.85, (double)row[4], 12);
            Assert.Equal(["ikke opfyldt", "ikke signifikant forskellig fra målet"], row[5..].Select(c => c.ToString()));
        }
        var page = await File.ReadAllTextAsync(await ReportAsync("html"));
        var at = page.IndexOf(Name, StringComparison.Ordinal);
        Assert.True(at >= 0, "the html report lacks the target");
        var line = page[page.LastIndexOf("<tr", at, StringComparison.Ordinal)..page.IndexOf("</tr>", at, StringComparison.Ordinal)];
        foreach (var cell in expected.Where(c => c != Name)) Assert.Contains(cell, line);
    }

    private static void AssertTarget(string json)
    {
        using var document = JsonDocument.Parse(json);
        var target = document.RootElement.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("key").GetString() == "alle-2026");
        Assert.Equal(0.80, target.GetProperty("value").GetDouble(), 12);
        Assert.False(target.GetProperty("met").GetBoolean());
        Assert.False(target.GetProperty("significant").GetBoolean());
        Assert.Equal("2026-01-01", target.GetProperty("period").GetProperty("from").GetString());
        Assert.Equal(20, target.GetProperty("respondents").GetInt32());
    }

    private async Task<string> ReportAsync(string extension)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("borgerpuls-targets-").FullName, "rapport." + extension);
        var result = await CliRunner.RunAsync("report", "--instrument", "vive-7", "--from", "2024-01-01", "--to", "2026-12-31", "--out", file, "--db", _database.Value);
        Assert.True(result.ExitCode == 0, result.Error);
        return file;
    }
}
