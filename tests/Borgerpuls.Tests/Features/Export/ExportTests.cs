using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Export;

public sealed class ExportTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private BorgerpulsApp _app = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.AddDemoOrganisationAsync();
        var key = await Devices.AddAsync(_database, "nordvej", "borgeroplevelse-5", "tablet");
        _app = new BorgerpulsApp(_database);
        var tablet = _app.CreateClient();
        tablet.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", key);
        for (var i = 0; i < 8; i++)
        {
            var group = i < 6 ? "jobparat" : "fleksjob";
            var comment = i == 0 ? "=HYPERLINK(\"http://evil.example\",\"klik\")" : "Fin samtale";
            var response = await tablet.PostAsJsonAsync("/api/v1/responses", new
            {
                id = Guid.NewGuid(), instrument = "borgeroplevelse-5", answeredAt = DateTimeOffset.Now,
                context = new { targetGroup = group, unit = "aktivitetsparat-team" }, answers = new Dictionary<string, string> { ["hoert"] = "5", ["kommentar"] = comment },
            });
            response.EnsureSuccessStatusCode();
        }
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Analysts_export_anonymised_rows_as_csv_with_formulas_neutralised_and_small_groups_coarsened()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);

        var response = await analyst.GetAsync("/api/v1/export/responses?instrument=borgeroplevelse-5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"row\";\"month\";\"jobcentre\";\"site\";\"unit\";\"target_group\";\"channel\";\"meeting_type\";\"language\";\"hoert\";\"faelles\";\"tror\";\"forskel\";\"fremdrift\";\"kommentar\"", lines[0]);
        Assert.Equal(9, lines.Length);
        Assert.Contains(lines, l => l.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"klik\"\")\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(";\"=HYPERLINK", StringComparison.Ordinal));
        // Two fleksjob rows in that unit: fewer than k, so unit and target group are blanked.
        Assert.Equal(2, lines.Count(l => l.Contains("\"*\";\"*\"", StringComparison.Ordinal)));
        Assert.Equal(6, lines.Count(l => l.Contains("\"aktivitetsparat-team\";\"jobparat\"", StringComparison.Ordinal)));
        await using var db = _database.Open();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "export.responses"));
    }

    [Fact]
    public async Task Xlsx_export_reads_back_with_the_neutralised_cell_as_text()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);

        var bytes = await analyst.GetByteArrayAsync("/api/v1/export/responses?instrument=borgeroplevelse-5&format=xlsx");

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var cells = sheet.Descendants<Cell>().ToList();
        Assert.DoesNotContain(cells, c => c.CellFormula is not null);
        var texts = cells.Select(c => c.InlineString?.Text?.Text).ToList();
        Assert.Contains("'=HYPERLINK(\"http://evil.example\",\"klik\")", texts);
        Assert.Equal("hoert", texts[9]);
    }

    [Fact]
    public async Task Managers_and_committee_cannot_export_respondent_rows_but_can_export_results()
    {
        var manager = await _app.SignedInClientAsync(Roles.Manager, "jc-nord");
        var committee = await _app.SignedInClientAsync(Roles.Committee);

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/v1/export/responses?instrument=borgeroplevelse-5")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await committee.GetAsync("/api/v1/export/responses?instrument=borgeroplevelse-5")).StatusCode);
        var results = await committee.GetAsync("/api/v1/export/results?instrument=borgeroplevelse-5&by=targetGroup");
        Assert.Equal(HttpStatusCode.OK, results.StatusCode);
        var csv = await results.Content.ReadAsStringAsync();
        Assert.Contains("færre end 5 svar", csv);
    }
}
