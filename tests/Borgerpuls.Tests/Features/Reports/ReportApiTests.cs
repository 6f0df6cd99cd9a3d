using System.Net;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using static Borgerpuls.Tests.Features.Reports.OpenXmlReading;

namespace Borgerpuls.Tests.Features.Reports;

public sealed class ReportApiTests(ReportDatabase data) : IClassFixture<ReportDatabase>
{
    [Fact]
    public async Task A_committee_member_downloads_the_word_report_without_quotes_and_the_download_is_audited()
    {
        await using var app = new BorgerpulsApp(data.Database);
        var committee = await app.SignedInClientAsync(Roles.Committee);

        var response = await committee.GetAsync("/api/v1/reports?instrument=vive-7&format=docx&from=2025-01-01&to=2025-12-31");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var positive = WordTable(document, "Andel af positive besvarelser angivet i procent");
        Assert.Equal(["93 pct.", "80 pct.", "89 pct."], Row(positive, "1. Hvor tilfreds")[1..]);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.DoesNotContain("HYPERLINK", text, StringComparison.Ordinal);
        Assert.Contains("Udvalget ser kun samlede tal.", text, StringComparison.Ordinal);
        await using var db = data.Database.Open();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "report.download" && a.Details!.StartsWith("vive-7 docx")));
    }

    [Fact]
    public async Task The_html_report_is_served_with_a_csp_that_allows_only_its_own_stylesheet()
    {
        await using var app = new BorgerpulsApp(data.Database);
        var analyst = await app.SignedInClientAsync(Roles.Analyst);

        var response = await analyst.GetAsync("/api/v1/reports?instrument=vive-7&format=html&culture=en");
        var unknown = await analyst.GetAsync("/api/v1/reports?instrument=vive-7&format=pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("style-src 'sha256-", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
        Assert.Contains("Share of positive answers", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task A_manager_of_another_centre_gets_no_figures_from_this_one()
    {
        await using var app = new BorgerpulsApp(data.Database);
        var manager = await app.SignedInClientAsync(Roles.Manager, "jc-nord");

        var html = await manager.GetStringAsync("/api/v1/reports?instrument=vive-7&format=html");

        Assert.Contains("Der er færre end 5 svar i perioden", html, StringComparison.Ordinal);
        Assert.DoesNotContain("93 pct.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("HYPERLINK", html, StringComparison.Ordinal);
    }
}
