using System.Net;
using System.Text.RegularExpressions;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using static Borgerpuls.Tests.Features.Reports.OpenXmlReading;

namespace Borgerpuls.Tests.Features.Reports;

/// <summary>The committee report fetched from the dashboard, for the dashboard's own selection, without typing an API address.</summary>
public sealed partial class DashboardReportTests(ReportDatabase data) : IClassFixture<ReportDatabase>
{
    [Fact]
    public async Task A_committee_member_fetches_the_word_report_of_the_selection_on_the_dashboard_and_it_is_audited()
    {
        await using var app = new BorgerpulsApp(data.Database);
        var committee = await app.SignedInClientAsync(Roles.Committee);

        var page = await committee.GetStringAsync("/dashboard?instrument=vive-7&from=2025-01&to=2025-12");
        var link = WebUtility.HtmlDecode(ReportLink().Match(page).Groups[1].Value);
        Assert.StartsWith("/dashboard?instrument=vive-7&from=2025-01&to=2025-12&", link);
        Assert.Contains("handler=Report", link);

        var response = await committee.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("udvalgsrapport-vive-7.docx", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        // The hand-computed figures of the fixture: 93 % and 80 % positive in the two sets, 133 of 150 = 89 % in all.
        Assert.Equal(["93 pct.", "80 pct.", "89 pct."], Row(WordTable(document, "Andel af positive besvarelser angivet i procent"), "1. Hvor tilfreds")[1..]);
        await using var db = data.Database.Open();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "report.download" && a.Details!.StartsWith("vive-7 docx by TargetGroupSet") && a.Details.Contains("2025-01-01")));
    }

    [Fact]
    public async Task The_filters_on_the_dashboard_go_into_the_report()
    {
        await using var app = new BorgerpulsApp(data.Database);
        var analyst = await app.SignedInClientAsync(Roles.Analyst);

        // Only the job-ready group: the report's total is theirs (93 %), the vulnerable group's 80 % is not in it.
        var html = await analyst.GetStringAsync("/dashboard?instrument=vive-7&from=2025-01&to=2025-12&targetGroup=jobparat&handler=Report&format=html");
        Assert.Contains("93 pct.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("80 pct.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("89 pct.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_selection_the_report_cannot_be_made_for_shows_the_dashboard_with_the_reason_and_nothing_is_audited()
    {
        await using var app = new BorgerpulsApp(data.Database);
        var analyst = await app.SignedInClientAsync(Roles.Analyst);
        var selection = "/dashboard?instrument=vive-7&from=2025-01&to=2025-12&groupBy=background:findes-ikke&handler=Report&format=docx";
        var refused = await analyst.GetAsync(selection);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Rapporten kan ikke hentes for dette udvalg: Ukendt baggrundsvariabel »findes-ikke«;", await refused.Content.ReadAsStringAsync());
        var english = await analyst.GetAsync(selection + "&culture=en");
        Assert.Equal(HttpStatusCode.BadRequest, english.StatusCode);
        Assert.Contains("The report cannot be fetched for this selection: Unknown background variable 'findes-ikke';",
            WebUtility.HtmlDecode(await english.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync("/dashboard?instrument=vive-7&handler=Report&format=pdf")).StatusCode);
        await using (var db = data.Database.Open())
        {
            Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "report.download" && a.Details!.Contains("findes-ikke")));
        }
    }

    [GeneratedRegex("href=\"([^\"]*handler=Report[^\"]*format=docx[^\"]*)\" data-testid=\"report-docx\"")]
    private static partial Regex ReportLink();
}
