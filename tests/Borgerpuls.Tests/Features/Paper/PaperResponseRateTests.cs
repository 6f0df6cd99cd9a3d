using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Borgerpuls.Domain;
using Borgerpuls.Features.Results;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Paper;

public sealed class PaperResponseRateTests
{
    private static readonly Dictionary<string, string> Answer = new() { ["hoert"] = "5", ["faelles"] = "4" };

    [Fact]
    public async Task Forms_handed_out_give_the_paper_response_rate_by_hand_and_a_rebuild_keeps_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        await using var app = new BorgerpulsApp(database);
        var now = DateTime.UtcNow;
        var thisMonth = new DateTime(now.Year, now.Month, 1, 10, 0, 0, DateTimeKind.Utc);
        var lastMonth = thisMonth.AddMonths(-1);
        var paper = new Responses.Spec("borgeroplevelse-5", Answer) { JobCentre = "jc-nord", Site = "nordvej", TargetGroup = "jobparat", Channel = Channel.Paper };
        // 10 paper forms typed in this month; 3 last month, for which nobody recorded the forms handed out.
        await Responses.WriteAsync(database, Responses.Repeat(10, paper with { Hour = thisMonth }).Concat(Responses.Repeat(3, paper with { Hour = lastMonth })));

        // 30 forms handed out at Nordvej to job-ready citizens through the API, 10 more at the centre through the staff page.
        var manager = await app.SignedInClientAsync(Roles.Manager, "jc-nord");
        var month = thisMonth.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var created = await manager.PostAsJsonAsync("/api/v1/paper-distributions",
            new { instrument = "borgeroplevelse-5", jobCentre = "jc-nord", site = "nordvej", targetGroup = "jobparat", month, count = 30 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(30, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("count").GetInt32());
        var page = "/paper?Instrument=borgeroplevelse-5&Jobcentre=jc-nord";
        var form = await manager.PostAsync("/paper?handler=HandedOut", await StaffLogin.FormAsync(manager, page, new()
        {
            ["Instrument"] = "borgeroplevelse-5", ["Jobcentre"] = "jc-nord", ["Site"] = "", ["TargetGroup"] = "", ["HandedOutMonth"] = month, ["HandedOut"] = "10",
        }));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("data-testid=\"paper-handed-out-saved\"", await form.Content.ReadAsStringAsync());

        await using var db = database.Open();
        Assert.Equal(2, await db.PaperDistributions.CountAsync());
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "paper.handed-out"));

        // 10 paper answers ÷ 40 forms handed out = 25 %, below a third: low. Last month's 3 answers have no denominator.
        var byCentre = await ResultsQuery.RunAsync(db, database.Factory, new ResultsRequest("borgeroplevelse-5") { By = Dimension.JobCentre }, Viewer.CommandLine, 3, CancellationToken.None);
        Assert.Equal(13, byCentre.Groups.Single().Respondents);
        Assert.Equal(new ResponseRateResult(40, 10, 0.25, true), byCentre.Groups.Single().ResponseRate);
        var byMonth = await ResultsQuery.RunAsync(db, database.Factory, new ResultsRequest("borgeroplevelse-5") { By = Dimension.Period }, Viewer.CommandLine, 3, CancellationToken.None);
        Assert.Null(byMonth.Groups.Single(g => g.Key["period"] == lastMonth.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).ResponseRate);
        Assert.Equal(new ResponseRateResult(40, 10, 0.25, true), byMonth.Groups.Single(g => g.Key["period"] == month).ResponseRate);
        // By site the 10 forms recorded for the whole centre fall under no site: Nordvej alone has 10 answers of 30 forms.
        var bySite = await ResultsQuery.RunAsync(db, database.Factory, new ResultsRequest("borgeroplevelse-5") { By = Dimension.Site }, Viewer.CommandLine, 3, CancellationToken.None);
        Assert.Equal(new ResponseRateResult(30, 10, 1.0 / 3, false), bySite.Groups.Single(g => g.Key["site"] == "nordvej").ResponseRate);

        var incremental = await Denominators.SnapshotAsync(database);
        Assert.Equal(["Paper"], incremental.Select(c => c.Split('/')[6].Split(':')[0]).Distinct());
        Assert.Equal(incremental, await Denominators.RebuiltAsync(database));
        var rebuilt = await ResultsQuery.RunAsync(db, database.Factory, new ResultsRequest("borgeroplevelse-5") { By = Dimension.JobCentre }, Viewer.CommandLine, 3, CancellationToken.None);
        Assert.Equal(new ResponseRateResult(40, 10, 0.25, true), rebuilt.Groups.Single().ResponseRate);
    }

    [Fact]
    public async Task Bad_counts_and_contexts_get_a_specific_error_and_write_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        await using var app = new BorgerpulsApp(database);
        var manager = await app.SignedInClientAsync(Roles.Manager, "jc-nord");
        var month = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var future = DateTime.UtcNow.AddMonths(2).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        (object Body, string Field, string Message)[] cases =
        [
            (new { instrument = "borgeroplevelse-5", jobCentre = "jc-nord", month, count = 0 }, "count", "from 1 to 100000"),
            (new { instrument = "borgeroplevelse-5", jobCentre = "jc-nord", month, count = -40 }, "count", "from 1 to 100000"),
            (new { instrument = "borgeroplevelse-5", jobCentre = "jc-nord", month, count = 100_001 }, "count", "from 1 to 100000"),
            (new { instrument = "borgeroplevelse-5", jobCentre = "jc-nord", month }, "count", "from 1 to 100000"),
            (new { instrument = "findes-ikke", jobCentre = "jc-nord", month, count = 40 }, "instrument", "Unknown instrument 'findes-ikke'"),
            (new { instrument = "borgeroplevelse-5", jobCentre = "jc-findes-ikke", month, count = 40 }, "jobCentre", "Unknown job centre 'jc-findes-ikke'"),
            (new { instrument = "borgeroplevelse-5", jobCentre = "jc-centrum", month, count = 40 }, "jobCentre", "not one of your job centres"),
            (new { instrument = "borgeroplevelse-5", jobCentre = "jc-nord", site = "sjaellandsgade", month, count = 40 }, "site", "Unknown site 'sjaellandsgade' in this job centre"),
            (new { instrument = "borgeroplevelse-5", jobCentre = "jc-nord", targetGroup = "findes-ikke", month, count = 40 }, "targetGroup", "Unknown target group"),
            (new { instrument = "borgeroplevelse-5", jobCentre = "jc-nord", month = "marts", count = 40 }, "month", "yyyy-MM"),
            (new { instrument = "borgeroplevelse-5", jobCentre = "jc-nord", month = future, count = 40 }, "month", "in the future"),
        ];
        foreach (var (body, field, message) in cases)
        {
            var response = await manager.PostAsJsonAsync("/api/v1/paper-distributions?culture=en", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.Contains(message, errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        }
        // Danish unless English is asked for, on the API as on the page.
        var danish = await manager.PostAsJsonAsync("/api/v1/paper-distributions", new { instrument = "borgeroplevelse-5", jobCentre = "jc-nord", month = future, count = 40 });
        Assert.Contains("Måneden ligger i fremtiden", await danish.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The staff page shows the same error in place and saves nothing either.
        var page = "/paper?Instrument=borgeroplevelse-5&Jobcentre=jc-nord";
        var form = await manager.PostAsync("/paper?handler=HandedOut", await StaffLogin.FormAsync(manager, page, new()
        {
            ["Instrument"] = "borgeroplevelse-5", ["Jobcentre"] = "jc-nord", ["HandedOutMonth"] = month, ["HandedOut"] = "0",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        var shown = System.Net.WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync());
        Assert.Contains("Antallet af uddelte skemaer er et helt tal fra 1 til 100000.", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("from 1 to 100000", shown, StringComparison.Ordinal);
        // Without the antiforgery token the form is refused.
        manager.DefaultRequestHeaders.Remove("RequestVerificationToken");
        var forged = await manager.PostAsync("/paper?handler=HandedOut", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Instrument"] = "borgeroplevelse-5", ["Jobcentre"] = "jc-nord", ["HandedOutMonth"] = month, ["HandedOut"] = "40",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        await using var db = database.Open();
        Assert.Equal(0, await db.PaperDistributions.CountAsync());
        Assert.Equal(0, await db.DenominatorCells.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == "paper.handed-out"));
    }
}
