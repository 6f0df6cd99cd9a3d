using System.Text;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Borgerpuls.Tests.Features.Export;

/// <summary>The respondent export is written while it is read, a few thousand rows at a time: across those batches every
/// row keeps its own comment, the numbering runs on without a gap and the months stay in order, in CSV and XLSX.</summary>
public sealed class LargeExportTests : IAsyncLifetime
{
    // More than six of the export's batches of 5 000, and more ids than SQLite takes as parameters of one statement (32 766):
    // reading all comments by the rows' ids at once failed there.
    private const int Count = 33_000;
    private TestDatabase _database = null!;
    private BorgerpulsApp _app = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.AddDemoOrganisationAsync();
        // Each comment names its row's answer, so a comment attached to the wrong row shows.
        await Responses.WriteAsync(_database, Enumerable.Range(0, Count).Select(i =>
        {
            var code = (1 + i % 5).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new Responses.Spec("borgeroplevelse-5", new() { ["hoert"] = code })
            {
                Hour = new DateTime(2025, 1 + i % 12, 1 + i % 28, 9, 0, 0, DateTimeKind.Utc),
                TargetGroup = "jobparat",
                Comment = i % 3 == 0 ? $"svar {code}" : null,
            };
        }));
        _app = new BorgerpulsApp(_database);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Csv_rows_keep_their_comments_and_order_across_batches()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);

        var csv = Encoding.UTF8.GetString(await analyst.GetByteArrayAsync("/api/v1/export/responses?instrument=borgeroplevelse-5"));

        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(';').Select(c => c.Trim('"')).ToArray()).ToList();
        Check(lines);
    }

    [Fact]
    public async Task Xlsx_rows_keep_their_comments_and_order_across_batches()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);

        var bytes = await analyst.GetByteArrayAsync("/api/v1/export/responses?instrument=borgeroplevelse-5&format=xlsx");

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.Text?.Text ?? "").ToArray()).ToList();
        Check(rows);
    }

    private static void Check(List<string[]> lines)
    {
        var header = lines[0].ToList();
        Assert.Equal(Count + 1, lines.Count);
        int row = header.IndexOf("row"), month = header.IndexOf("month"), heard = header.IndexOf("hoert"), comment = header.IndexOf("kommentar");
        var body = lines.Skip(1).ToList();
        Assert.Equal(Enumerable.Range(1, Count).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), body.Select(l => l[row]));
        Assert.Equal(body.Select(l => l[month]).Order(StringComparer.Ordinal), body.Select(l => l[month]));
        Assert.Equal(12, body.Select(l => l[month]).Distinct().Count());
        var commented = body.Where(l => l[comment].Length > 0).ToList();
        Assert.Equal((Count + 2) / 3, commented.Count);
        Assert.All(commented, l => Assert.Equal($"svar {l[heard]}", l[comment]));
    }
}
