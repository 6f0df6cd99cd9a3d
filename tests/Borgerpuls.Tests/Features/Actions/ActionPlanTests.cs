using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Borgerpuls.Domain;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Actions;

public sealed class ActionPlanTests
{
    [Fact]
    public async Task An_analyst_records_an_action_that_the_list_the_audit_log_and_the_committee_report_show()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var analyst = await app.SignedInClientAsync(Roles.Analyst);

        var form = await analyst.GetStringAsync("/actions/edit?instrument=vive-7");
        Assert.Contains("value=\"samtale\" /> 1. ", form);
        var created = await analyst.PostAsync("/actions/edit?instrument=vive-7", await StaffLogin.FormOfPairsAsync(analyst, "/actions/edit?instrument=vive-7",
            ("Title", "Fast procedure ved sagsbehandlerskift"), ("JobCentre", ""), ("Questions", "behandling"), ("Questions", "samtale"),
            ("Owner", "Jobcenterchef"), ("StartsOn", "2026-03-01"), ("Deadline", "2026-12-31"), ("Status", "InProgress"),
            ("ExpectedEffect", "Færre negative svar om behandling")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var list = await analyst.GetStringAsync("/actions");
        Assert.Contains("Handlingen »Fast procedure ved sagsbehandlerskift« er oprettet.", list);
        Assert.Contains("<td>Hele kommunen</td>", list);
        Assert.Contains("<td>I gang</td>", list);
        Assert.Contains("<td>31.12.2026</td>", list);
        await using (var db = database.Open())
        {
            var action = await db.Actions.SingleAsync();
            // Questions in the questionnaire's order, whatever order the boxes were sent in.
            Assert.Equal(["samtale", "behandling"], action.QuestionKeys);
            Assert.Equal((null, "vive-7", ActionStatus.InProgress, new DateOnly(2026, 3, 1)), (action.JobCentreId, action.InstrumentKey, action.Status, action.StartsOn));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "action.create" && a.Details!.Contains("Fast procedure")));
        }
        var report = await analyst.GetStringAsync("/api/v1/reports?instrument=vive-7&format=html");
        Assert.Contains("Fast procedure ved sagsbehandlerskift", report);

        // The same form sent again (a double click, a reload after posting) does not make a second action.
        var again = await analyst.PostAsync("/actions/edit?instrument=vive-7", await StaffLogin.FormOfPairsAsync(analyst, "/actions/edit?instrument=vive-7",
            ("Title", "Fast procedure ved sagsbehandlerskift"), ("JobCentre", ""), ("Questions", "samtale"), ("Status", "InProgress")));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Der findes allerede en handling ved navn »Fast procedure ved sagsbehandlerskift«", await again.Content.ReadAsStringAsync());
        await using (var db = database.Open()) Assert.Equal(1, await db.Actions.CountAsync());
    }

    [Fact]
    public async Task Every_problem_of_the_form_is_named_and_nothing_is_saved()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var analyst = await app.SignedInClientAsync(Roles.Analyst);

        var refused = await analyst.PostAsync("/actions/edit?instrument=vive-7", await StaffLogin.FormOfPairsAsync(analyst, "/actions/edit?instrument=vive-7",
            ("Title", "  "), ("JobCentre", "jc-findes-ikke"), ("Questions", "findes-ikke"), ("StartsOn", "2026-06-01"), ("Deadline", "2026-05-01"), ("Status", "Bogus")));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Giv handlingen en titel (højst 200 tegn).", html);
        Assert.Contains("Ukendt jobcenter: jc-findes-ikke", html);
        Assert.Contains("Spørgeskemaet har ikke spørgsmålet findes-ikke.", html);
        Assert.Contains("Fristen ligger før starten.", html);
        Assert.Contains("Status: »Bogus« kan ikke læses.", html);
        await using var db = database.Open();
        Assert.Equal(0, await db.Actions.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action.StartsWith("action.")));
    }

    [Fact]
    public async Task A_manager_changes_the_actions_of_their_own_centre_and_sees_no_other_centres()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        int nord, syd, municipality;
        await using (var db = database.Open())
        {
            var centres = await db.JobCentres.ToDictionaryAsync(j => j.Key, j => j.Id);
            var actions = new[]
            {
                new ActionItem { Title = "Nords handling", JobCentreId = centres["jc-nord"], InstrumentKey = "vive-7" },
                new ActionItem { Title = "Syds handling", JobCentreId = centres["jc-syd"], InstrumentKey = "vive-7" },
                new ActionItem { Title = "Kommunens handling", InstrumentKey = "vive-7" },
            };
            db.Actions.AddRange(actions);
            await db.SaveChangesAsync();
            (nord, syd, municipality) = (actions[0].Id, actions[1].Id, actions[2].Id);
        }
        var manager = await app.SignedInClientAsync(Roles.Manager, "jc-nord");

        var list = await manager.GetStringAsync("/actions");
        Assert.Contains("Nords handling", list);
        Assert.Contains("Kommunens handling", list);
        Assert.DoesNotContain("Syds handling", list);
        Assert.Contains($"href=\"/actions/edit/{nord}\"", list);
        Assert.DoesNotContain($"href=\"/actions/edit/{municipality}\"", list);
        Denied(await manager.GetAsync($"/actions/edit/{syd}"));
        Denied(await manager.GetAsync($"/actions/edit/{municipality}"));

        var done = await manager.PostAsync($"/actions/edit/{nord}", await StaffLogin.FormOfPairsAsync(manager, $"/actions/edit/{nord}",
            ("Title", "Nords handling"), ("JobCentre", "jc-nord"), ("Status", "Done")));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        // Moving it to another centre, or to the whole municipality, is not theirs to do.
        var moved = await manager.PostAsync($"/actions/edit/{nord}", await StaffLogin.FormOfPairsAsync(manager, $"/actions/edit/{nord}",
            ("Title", "Nords handling"), ("JobCentre", "jc-syd"), ("Status", "Done")));
        Assert.Contains("Du kan kun oprette og ændre handlinger for dine egne jobcentre.", await moved.Content.ReadAsStringAsync());
        var wide = await manager.PostAsync($"/actions/edit/{nord}", await StaffLogin.FormOfPairsAsync(manager, $"/actions/edit/{nord}",
            ("Title", "Nords handling"), ("JobCentre", ""), ("Status", "Done")));
        Assert.Contains("Vælg et af dine jobcentre.", await wide.Content.ReadAsStringAsync());

        await using (var db = database.Open())
        {
            var action = await db.Actions.SingleAsync(a => a.Id == nord);
            Assert.Equal((ActionStatus.Done, (int?)(await db.JobCentres.SingleAsync(j => j.Key == "jc-nord")).Id), (action.Status, action.JobCentreId));
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "action.update"));
        }

        // A committee member reads the plan and changes nothing.
        var committee = await app.SignedInClientAsync(Roles.Committee);
        var read = await committee.GetStringAsync("/actions");
        Assert.Contains("Syds handling", read);
        Assert.DoesNotContain("/actions/edit", read);
        Denied(await committee.GetAsync("/actions/edit?instrument=vive-7"));
    }

    [Fact]
    public async Task A_missed_target_on_the_dashboard_opens_the_action_form_with_its_question_ticked()
    {
        // 2026: 16 of 20 answered "samtale" positively = 80 %, below the target "alle-2026" of 85 %; "udsatte-samtale" is met.
        await using var database = await Borgerpuls.Tests.Features.Results.TargetQueryTests.SeedAsync();
        await using var app = new BorgerpulsApp(database);
        var analyst = await app.SignedInClientAsync(Roles.Analyst);

        var page = await analyst.GetStringAsync("/dashboard?instrument=vive-7&from=2026-01&to=2026-12");
        var missed = Regex.Match(page, "<li class=\"tile not-met\" data-target=\"alle-2026\">.*?</li>", RegexOptions.Singleline).Value;
        var link = WebUtility.HtmlDecode(Regex.Match(missed, "href=\"([^\"]+)\" data-testid=\"target-action\"").Groups[1].Value);
        Assert.Equal("/actions/edit?instrument=vive-7&Questions=samtale", link);
        Assert.DoesNotContain("target-action", Regex.Match(page, "data-target=\"udsatte-samtale\">.*?</li>", RegexOptions.Singleline).Value);
        Assert.Contains("value=\"samtale\" checked=\"checked\"", await analyst.GetStringAsync(link));

        // Committee members record no actions, so the dashboard offers them none.
        var committee = await app.SignedInClientAsync(Roles.Committee);
        Assert.DoesNotContain("target-action", await committee.GetStringAsync("/dashboard?instrument=vive-7&from=2026-01&to=2026-12"));
    }

    [Fact]
    public async Task Every_challenge_of_the_priority_map_offers_an_action_for_its_question()
    {
        await using var database = await TestDatabase.CreateAsync();
        Assert.Equal(0, (await CliRunner.RunAsync("demo-data", "--responses", "3000", "--db", database.Value)).ExitCode);
        await using var app = new BorgerpulsApp(database);
        var analyst = await app.SignedInClientAsync(Roles.Analyst);

        var map = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/priority-map?instrument=vive-7&from=2026-01-01&to=2026-12-31");
        var challenges = map.GetProperty("questions").EnumerateArray().Where(q => q.GetProperty("quadrant").ValueKind == JsonValueKind.String
            && q.GetProperty("quadrant").GetString() == "challenge").Select(q => q.GetProperty("key").GetString()!).Order().ToList();
        Assert.NotEmpty(challenges);
        var page = await analyst.GetStringAsync("/dashboard?instrument=vive-7&from=2026-01&to=2026-12");
        var offered = Regex.Matches(page, "href=\"/actions/edit\\?instrument=vive-7&amp;Questions=([a-z0-9-]+)\" data-testid=\"challenge-action\"")
            .Select(m => m.Groups[1].Value).Order().ToList();
        Assert.Equal(challenges, offered);
    }

    /// <summary>A page the user may not use sends them to the access-denied page.</summary>
    private static void Denied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/access-denied", response.Headers.Location!.OriginalString);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>On <see cref="Borgerpuls.Tests.Features.Results.TargetQueryTests"/>'s answers to "samtale" (all at jc-centrum): 2025-06 20 × "5",
    /// 2026-02 6 × "5", 2026-03 10 × "5", 2026-05 4 × "1". An action started 15 March 2026, seen on 3 December 2026. By hand:
    /// before (March 2025–February 2026) 26 of 26 positive = 100 %; after (March–December 2026) 10 of 14 = 71.4 %; two-proportion
    /// z = −0.2857 / √(0.9 · 0.1 · (1/26 + 1/14)) = −2.87, p = 0.004: significant, down. On the dashboard's 2026 alone, before is
    /// January–February (6 of 6): z = −0.2857 / √(0.8 · 0.2 · (1/6 + 1/14)) = −1.46, p = 0.14: not significant.</summary>
    [Fact]
    public async Task An_action_shows_its_questions_before_and_after_its_start_on_its_page_and_on_the_dashboard()
    {
        await using var database = await Borgerpuls.Tests.Features.Results.TargetQueryTests.SeedAsync();
        await using var app = new BorgerpulsApp(database) { Clock = new FixedClock(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero)) };
        int started, undated, future, syd;
        await using (var db = database.Open())
        {
            var centres = await db.JobCentres.ToDictionaryAsync(j => j.Key, j => j.Id);
            ActionItem Make(string title, DateOnly? start, int? centre = null) =>
                new() { Title = title, InstrumentKey = "vive-7", QuestionKeys = ["samtale"], StartsOn = start, JobCentreId = centre, Status = ActionStatus.InProgress };
            var actions = new[]
            {
                Make("Faste samtaletider", new DateOnly(2026, 3, 15)), Make("Uden startdato", null), Make("Til næste år", new DateOnly(2027, 1, 1)),
                Make("Syds egen", new DateOnly(2026, 3, 1), centres["jc-syd"]),
            };
            db.Actions.AddRange(actions);
            await db.SaveChangesAsync();
            (started, undated, future, syd) = (actions[0].Id, actions[1].Id, actions[2].Id, actions[3].Id);
        }

        foreach (var role in new[] { Roles.Analyst, Roles.Committee })
        {
            var client = await app.SignedInClientAsync(role);
            var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/actions/{started}"));
            var row = Regex.Match(page, "<tr data-question=\"samtale\">.*?</tr>", RegexOptions.Singleline).Value;
            Assert.Contains("<td>100 pct.</td>", row);
            Assert.Contains("<td>71 pct.</td>", row);
            Assert.Contains("−29 procentpoint ▼", row);
            Assert.Contains("Før (marts 2025–februar 2026)", page);
            Assert.Contains("Efter (marts 2026–december 2026)", page);
        }
        var analyst = await app.SignedInClientAsync(Roles.Analyst);
        Assert.Contains("Before (March 2025–February 2026)", WebUtility.HtmlDecode(await analyst.GetStringAsync($"/actions/{started}?culture=en&ui-culture=en")));
        Assert.Contains("Giv handlingen en startdato for at se tallene før og efter.", WebUtility.HtmlDecode(await analyst.GetStringAsync($"/actions/{undated}")));
        Assert.Contains("Handlingen er ikke startet endnu.", WebUtility.HtmlDecode(await analyst.GetStringAsync($"/actions/{future}")));

        var dashboard = WebUtility.HtmlDecode(await analyst.GetStringAsync("/dashboard?instrument=vive-7&from=2026-01&to=2026-12"));
        var line = Regex.Match(dashboard, $"<tr data-action=\"{started}\">.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("spm. 1: 100 → 71 pct. (ikke signifikant)", line);
        Assert.Contains("ingen startdato", Regex.Match(dashboard, $"<tr data-action=\"{undated}\">.*?</tr>", RegexOptions.Singleline).Value);

        // A manager of another centre neither sees jc-syd's action on the dashboard nor opens its page.
        var manager = await app.SignedInClientAsync(Roles.Manager, "jc-nord");
        Denied(await manager.GetAsync($"/actions/{syd}"));
        Assert.DoesNotContain("Syds egen", await manager.GetStringAsync("/dashboard?instrument=vive-7&from=2026-01&to=2026-12"));
    }
}
