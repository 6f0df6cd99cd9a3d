using System.Net;
using System.Text.RegularExpressions;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using static Borgerpuls.Tests.Features.Reports.OpenXmlReading;

namespace Borgerpuls.Tests.Features.Mirror;

/// <summary>The mirror comparison on the dashboard's page and in the committee report, on the data of
/// <see cref="MirrorComparisonTests"/>: at jc-centrum in March 2025 the job-ready citizens are 30 of 40 = 75 % positive about
/// <c>samtale</c>, staff expected 12 of 24 = 50 %: +25.0 percentage points, significant (p = 0.0415); staff's 4 activity-ready
/// answers are fewer than k = 5. jc-nord's 20 job-ready staff answers (all positive) make 32 of 44 for the municipality.</summary>
public sealed class MirrorOutputTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private BorgerpulsApp _app = null!;

    public async Task InitializeAsync()
    {
        _database = await MirrorComparisonTests.SeedAsync();
        _app = new BorgerpulsApp(_database);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static string Text(string html) => WebUtility.HtmlDecode(Regex.Replace(html, "\\s+", " "));

    private const string Page = "/dashboard/mirror?instrument=vive-7&from=2025-03&to=2025-03";

    [Fact]
    public async Task The_dashboard_links_to_the_comparison_which_marks_the_significant_gap_in_words_in_Danish_and_English()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        Assert.Contains("/dashboard/mirror?instrument=vive-7", Text(await analyst.GetStringAsync("/dashboard?instrument=vive-7&from=2025-03&to=2025-03")));
        Assert.DoesNotContain("/dashboard/mirror", Text(await analyst.GetStringAsync("/dashboard?instrument=smiley&from=2025-03&to=2025-03")));

        var html = Text(await analyst.GetStringAsync(Page + "&jobcentre=jc-centrum"));
        Assert.Contains("Borgernes svar og medarbejdernes forventning", html);
        var jobReady = HtmlRow(html, "jobparat", "samtale");
        Assert.Contains("75 pct. (n = 40)", jobReady);
        Assert.Contains("50 pct. (n = 24)", jobReady);
        Assert.Contains("+25,0 procentpoint", jobReady);
        Assert.Contains("<strong>Signifikant: borgerne er mere positive, end medarbejderne forventer</strong>", jobReady);
        var activity = HtmlRow(html, "aktivitetsparat", "samtale");
        Assert.Contains("50 pct. (n = 10)", activity);
        Assert.Contains("færre end 5 svar", activity);
        Assert.Contains("Kan ikke sammenlignes", activity);

        var english = Text(await analyst.GetStringAsync(Page + "&jobcentre=jc-centrum&culture=en&ui-culture=en"));
        Assert.Contains("Citizens' answers and staff's expectation", english);
        var row = HtmlRow(english, "jobparat", "samtale");
        Assert.Contains("75% (n = 40)", row);
        Assert.Contains("+25.0 percentage points", row);
        Assert.Contains("Significant: citizens are more positive than staff expect", row);
    }

    [Fact]
    public async Task A_manager_sees_only_their_centres_staff_and_a_committee_member_gets_the_guarded_page()
    {
        var manager = await _app.SignedInClientAsync(Roles.Manager, "jc-centrum");
        var own = HtmlRow(Text(await manager.GetStringAsync(Page)), "jobparat", "samtale");
        Assert.Contains("50 pct. (n = 24)", own);
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        Assert.Contains("73 pct. (n = 44)", HtmlRow(Text(await analyst.GetStringAsync(Page)), "jobparat", "samtale"));

        var committee = await _app.SignedInClientAsync(Roles.Committee);
        var response = await committee.GetAsync(Page + "&jobcentre=jc-centrum");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("75 pct. (n = 40)", Text(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_committee_report_has_the_section_in_HTML_Word_and_Excel_and_in_English()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        const string report = "/api/v1/reports?instrument=vive-7&from=2025-03-01&to=2025-03-31&where=jobcentre=jc-centrum&format=";
        var html = Text(await analyst.GetStringAsync(report + "html"));
        Assert.Contains("Borgernes svar og medarbejdernes forventning", html);
        Assert.Contains("Signifikant: borgerne er mere positive, end medarbejderne forventer", html);
        Assert.Contains("Citizens' answers and staff's expectation", Text(await analyst.GetStringAsync(report + "html&culture=en")));

        using var word = WordprocessingDocument.Open(new MemoryStream(await analyst.GetByteArrayAsync(report + "docx")), false);
        var table = WordTable(word, "Andel positive svar: borgerne og medarbejdernes forventning");
        Assert.Equal(["75 pct.", "40", "50 pct.", "24", "+25,0 procentpoint", "Signifikant: borgerne er mere positive, end medarbejderne forventer"], Row(table, "Jobparate")[2..]);

        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await analyst.GetByteArrayAsync(report + "xlsx")), false);
        var sheet = Sheet(workbook, "Spejl");
        var row = sheet.First(r => r.Count > 0 && r[0] is "Jobparate");
        Assert.Equal(0.75, (double)row[2], 10);
        Assert.Equal(40.0, (double)row[3]);
        Assert.Equal(25.0, (double)row[6], 10);

        // A questionnaire without a mirror has no such section.
        Assert.DoesNotContain("medarbejdernes forventning", Text(await analyst.GetStringAsync("/api/v1/reports?instrument=smiley&format=html")));
    }

    /// <summary>The table row of one question in one target group's section ("" for the total).</summary>
    private static string HtmlRow(string html, string group, string question)
    {
        var section = Regex.Match(html, $"data-group=\"{group}\"(.*?)</section>").Groups[1].Value;
        return Regex.Match(section, $"data-question=\"{question}\"(.*?)</tr>").Groups[1].Value;
    }
}
