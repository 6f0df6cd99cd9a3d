using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Borgerpuls.Tests.Security;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Insights;

public sealed class InsightsPageTests
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da");

    private static (string, string)[] FocusGroupForm(string centre = "jc-nord", string title = "Fokusgruppe om jobafklaring") =>
    [
        ("Date", "2025-06-15"), ("Source", "focusGroup"), ("JobCentre", centre), ("TargetGroup", "jobafklaring"), ("Title", title),
        ("Summary", "Deltagerne savner fremdrift; en gav sit nummer 20 30 40 50"),
        ("Themes", "fremdrift"), ("Themes", "respekt-og-tillid"), ("Themes", "breve-og-sprog"),
        ("Quotes", "Der sker ikke noget i min sag\r\n\r\nRing til mig på 20 30 40 50, mit cpr er 010190-1234\r\n"),
    ];

    private static object FocusGroupJson(string centre = "jc-nord", string title = "Fokusgruppe om jobafklaring") => new
    {
        date = "2025-06-15", source = "focusGroup", jobcentre = centre, targetGroup = "jobafklaring", title,
        summary = "Deltagerne savner fremdrift; en gav sit nummer 20 30 40 50",
        themes = new[] { "fremdrift", "respekt-og-tillid", "breve-og-sprog" },
        quotes = new[] { "Der sker ikke noget i min sag", "Ring til mig på 20 30 40 50, mit cpr er 010190-1234" },
    };

    private static async Task<HttpResponseMessage> RecordAsync(HttpClient client, params (string, string)[] fields) =>
        await client.PostAsync("/insights/new", await StaffLogin.FormOfPairsAsync(client, "/insights/new", fields));

    private static async Task<(int Stored, int Audited)> StoredAndAuditedAsync(TestDatabase database)
    {
        await using var db = database.Open();
        return (await db.Insights.CountAsync(), await db.AuditEntries.CountAsync(a => a.Action == "insight.create"));
    }

    private static string Percent(double share) => (share * 100).ToString("F1", Danish) + " pct.";

    [Fact]
    public async Task An_insight_recorded_on_the_page_is_stored_as_the_api_stores_it_redacted_audited_and_listed_by_name()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var analyst = await app.SignedInClientAsync(Roles.Analyst);

        var form = await analyst.GetStringAsync("/insights/new");
        Assert.Contains("Jobcenter Aabæk Nord", form);
        Assert.Contains("value=\"fremdrift\" /> Fremdrift", form);
        var created = await RecordAsync(analyst, FocusGroupForm());
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/insights", created.Headers.Location?.OriginalString);

        var list = await analyst.GetStringAsync("/insights");
        Assert.Contains("Indblikket »Fokusgruppe om jobafklaring« er registreret.", list);
        Assert.Contains("<td>15.06.2025</td>", list);
        Assert.Contains("<td>Fokusgruppe</td>", list);
        Assert.Contains("<td>Jobcenter Aabæk Nord</td>", list);
        Assert.Contains("<td>Jobafklaringsforløb</td>", list);
        Assert.Contains("<td>Fremdrift, Respekt og tillid, Breve og sprog</td>", list);
        Assert.Matches("<a href=\"/insights/\\d+\"", list);

        // The same insight sent through the API is the same insight: refused as already recorded.
        var again = await analyst.PostAsJsonAsync("/api/v1/insights", FocusGroupJson());
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("allerede registreret", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsJsonAsync("/api/v1/insights", FocusGroupJson(title: "Samme møde, fra API'et"))).StatusCode);

        await using var db = database.Open();
        var stored = await db.Insights.OrderBy(i => i.Id).ToListAsync();
        Assert.Equal(2, stored.Count);
        var (page, api) = (stored[0], stored[1]);
        Assert.Equal(["Der sker ikke noget i min sag", "Ring til mig på [TELEFON], mit cpr er [CPR]"], page.Quotes);
        Assert.Equal("Deltagerne savner fremdrift; en gav sit nummer [TELEFON]", page.Summary);
        Assert.Equal((api.Date, api.Source, api.JobCentreId, api.TargetGroupId, api.Summary), (page.Date, page.Source, page.JobCentreId, page.TargetGroupId, page.Summary));
        Assert.Equal(api.Themes, page.Themes);
        Assert.Equal(api.Quotes, page.Quotes);
        var audited = await db.AuditEntries.Where(a => a.Action == "insight.create").OrderBy(a => a.Id).Select(a => a.Details).ToListAsync();
        Assert.Equal([$"insight {page.Id} jc-nord", $"insight {api.Id} jc-nord"], audited);
    }

    [Fact]
    public async Task The_evidence_page_shows_the_figures_the_api_returns_for_the_same_insight()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        await InsightTests.WriteSegmentAndRestAsync(database);
        await using var app = new BorgerpulsApp(database);
        var analyst = await app.SignedInClientAsync(Roles.Analyst);
        Assert.Equal(HttpStatusCode.Redirect, (await RecordAsync(analyst, FocusGroupForm())).StatusCode);
        int id;
        await using (var db = database.Open()) id = await db.Insights.Select(i => i.Id).SingleAsync();

        var api = await analyst.GetFromJsonAsync<JsonElement>($"/api/v1/insights/{id}/evidence?instrument=borgeroplevelse-5");
        var page = await analyst.GetStringAsync($"/insights/{id}?Instrument=borgeroplevelse-5");
        Assert.Contains("Periode: 2024-07-01 til 2025-06-15. 30 besvarelser i udsnittet.", Regex.Replace(page, "\\s+", " "));

        var fremdrift = api.GetProperty("themes").EnumerateArray().Single(t => t.GetProperty("key").GetString() == "fremdrift");
        var section = Regex.Match(page, "data-theme=\"fremdrift\">(.*?)</section>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("Understøttet:", section);
        // Hand count: 10 of the segment's 24 comments and 16 of all 54 mention progress.
        Assert.Contains($"Kommentarer med temaet: {Percent(10.0 / 24)} i udsnittet mod {Percent(16.0 / 54)} i alt.", section);
        Assert.Contains($"{Percent(fremdrift.GetProperty("commentShare").GetDouble())} i udsnittet mod {Percent(fremdrift.GetProperty("referenceCommentShare").GetDouble())}", section);

        var question = fremdrift.GetProperty("questions").EnumerateArray().Single();
        var row = Regex.Match(section, "<tr data-question=\"fremdrift\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        var cells = Regex.Matches(row, "<td>(.*?)</td>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(
        [
            question.GetProperty("base").GetInt64().ToString(Danish), Percent(question.GetProperty("positive").GetDouble()),
            Percent(question.GetProperty("negative").GetDouble()), Percent(question.GetProperty("referenceNegative").GetDouble()),
            (question.GetProperty("negativeDifference").GetDouble() * 100).ToString("+0.0", Danish) + " procentpoint", "< 0,001 (z-test)", "ja",
        ], cells);
        // Hand count: 15 of the segment's 30 answers negative, 9 positive; 21 of all 105 negative.
        Assert.Equal(["30", "30,0 pct.", "50,0 pct.", "20,0 pct.", "+42,0 procentpoint"], cells.Take(5));

        var respect = Regex.Match(page, "data-theme=\"respekt-og-tillid\">(.*?)</section>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("Ikke signifikant:", respect);
        Assert.Contains("(Fishers eksakte test)", respect);
        Assert.Contains("Ingen tal:", Regex.Match(page, "data-theme=\"breve-og-sprog\">(.*?)</section>", RegexOptions.Singleline).Groups[1].Value);
    }

    [Fact]
    public async Task Every_problem_is_named_at_once_and_nothing_is_stored()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var analyst = await app.SignedInClientAsync(Roles.Analyst);

        var refused = await RecordAsync(analyst, ("Date", "2999-01-01"), ("Source", "rygte"), ("JobCentre", "jc-mars"), ("TargetGroup", "pensionister"),
            ("Title", "  "), ("Quotes", string.Join("\n", Enumerable.Range(1, 10).Select(i => $"Citat {i}"))));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Datoen ligger i fremtiden.", html);
        Assert.Contains("»rygte« er ikke en kilde", html);
        Assert.Contains("»jc-mars« er ikke et jobcenter, du kan registrere indblik for.", html);
        Assert.Contains("»pensionister« er ikke en målgruppe.", html);
        Assert.Contains("Giv indblikket en titel på 1 til 200 tegn.", html);
        Assert.Contains("Vælg mindst ét tema.", html);
        Assert.Contains("Højst 9 citater", html);
        Assert.Contains("Citat 10", html); // what was typed is kept

        Assert.Equal((0, 0), await StoredAndAuditedAsync(database));
    }

    [Fact]
    public async Task The_same_form_sent_twice_records_one_insight()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var analyst = await app.SignedInClientAsync(Roles.Analyst);

        Assert.Equal(HttpStatusCode.Redirect, (await RecordAsync(analyst, FocusGroupForm())).StatusCode);
        var second = await RecordAsync(analyst, FocusGroupForm());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Indblikket »Fokusgruppe om jobafklaring« fra 15.06.2025 er allerede registreret for dette jobcenter og er ikke gemt igen.",
            await second.Content.ReadAsStringAsync());
        Assert.Equal((1, 1), await StoredAndAuditedAsync(database));
    }

    [Fact]
    public async Task A_manager_records_and_sees_only_their_own_centres_insights()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var analyst = await app.SignedInClientAsync(Roles.Analyst);
        var manager = await app.SignedInClientAsync(Roles.Manager, "jc-centrum");
        var other = await analyst.PostAsJsonAsync("/api/v1/insights", FocusGroupJson("jc-nord", "Panel i Nord"));
        var otherId = (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var form = await manager.GetStringAsync("/insights/new");
        Assert.DoesNotContain("value=\"jc-nord\"", form);
        Assert.DoesNotContain("Hele kommunen", form);
        var refused = await RecordAsync(manager, FocusGroupForm("jc-nord", "Forsøg i Nord"));
        Assert.Contains("»jc-nord« er ikke et jobcenter, du kan registrere indblik for.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await RecordAsync(manager, FocusGroupForm("jc-centrum", "Panel i Centrum"))).StatusCode);

        var list = await manager.GetStringAsync("/insights");
        Assert.Contains("Panel i Centrum", list);
        Assert.DoesNotContain("Panel i Nord", list);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/insights/{otherId}")).StatusCode);
        Assert.Contains("Panel i Nord", await analyst.GetStringAsync("/insights"));
        var committee = await app.SignedInClientAsync(Roles.Committee);
        var denied = await committee.GetAsync("/insights");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/access-denied", denied.Headers.Location?.OriginalString);
        Assert.DoesNotContain("href=\"/insights\"", await committee.GetStringAsync("/"));
        Assert.Contains("href=\"/insights\"", await manager.GetStringAsync("/"));
    }

    [Fact]
    public async Task The_page_refuses_a_narrow_segment_as_the_api_does()
    {
        await using var database = await DifferencingGuardTests.SeedAsync();
        await using var app = new BorgerpulsApp(database);
        var manager = await app.SignedInClientAsync(Roles.Manager, "jc-nord");
        Assert.Equal(HttpStatusCode.Redirect, (await RecordAsync(manager, ("Date", "2026-10-20"), ("Source", "focusGroup"), ("JobCentre", "jc-nord"),
            ("TargetGroup", "jobparat"), ("Title", "Fokusgruppe"), ("Themes", "fremdrift"))).StatusCode);
        int id;
        await using (var db = database.Open()) id = await db.Insights.Select(i => i.Id).SingleAsync();

        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/v1/results?instrument=vive-7&where=jobcentre=jc-nord&from=2026-10-01&to=2026-10-31")).StatusCode);
        // The insight's segment (jc-nord, job-ready, October) holds 20 of those 23.
        var page = await manager.GetAsync($"/insights/{id}?Instrument=vive-7&From=2026-10-01&To=2026-10-31");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"evidence-refused\"", html);
        Assert.Contains("færre end 5", html);
        Assert.Contains("Fokusgruppe", html);
        Assert.DoesNotContain("data-testid=\"evidence\"", html);
        var api = await manager.GetAsync($"/api/v1/insights/{id}/evidence?instrument=vive-7&from=2026-10-01&to=2026-10-31");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
    }

    [Fact]
    public async Task The_pages_speak_english()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var analyst = await app.SignedInClientAsync(Roles.Analyst);

        var form = await analyst.GetStringAsync("/insights/new?culture=en");
        Assert.Contains("New insight", form);
        Assert.Contains(">Focus group</option>", form);
        Assert.Contains("value=\"fremdrift\" /> Progress", form);
        var refused = await analyst.PostAsync("/insights/new?culture=en", await StaffLogin.FormOfPairsAsync(analyst, "/insights/new?culture=en",
            ("Date", "2025-06-15"), ("Source", "focusGroup"), ("Title", "Panel")));
        Assert.Contains("Name at least one theme.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await RecordAsync(analyst, FocusGroupForm())).StatusCode);
        var list = await analyst.GetStringAsync("/insights?culture=en");
        Assert.Contains("<td>Focus group</td>", list);
        Assert.Contains("<td>Job clarification course</td>", list);
        Assert.Contains("Progress, Respect and trust, Letters and language", list);
        Assert.Contains("Can it be found in the figures?", list);
    }
}
