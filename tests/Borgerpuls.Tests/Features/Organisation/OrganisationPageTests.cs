using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Borgerpuls.Features.Configuration;
using Borgerpuls.Features.Shared;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Organisation;

/// <summary>The organisation page on the demo municipality (Aabæk: jc-centrum with Sjællandsgade and Torvet, jc-nord with
/// Nordvej, jc-syd; target groups from the presets).</summary>
public sealed class OrganisationPageTests : IAsyncLifetime
{
    private const string Page = "/admin/organisation";
    private TestDatabase _database = null!;
    private BorgerpulsApp _app = null!;

    public async Task InitializeAsync() => (_database, _app) = await DemoOrganisation.StartAsync();

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>A hand-made form without a kind, or with one that is not a kind, is refused: the default would otherwise have
    /// created a municipality.</summary>
    [Fact]
    public async Task A_form_without_a_readable_kind_is_refused_and_creates_nothing()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(analyst, "Save", ("name", "Ny by"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(analyst, "Save", ("kind", "Planet"), ("name", "Ny by"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(analyst, "Save", ("kind", "Site"), ("id", "abc"), ("name", "Ny by"))).StatusCode);
        await using var db = _database.Open();
        Assert.Equal(1, await db.Municipalities.CountAsync());
        Assert.False(await db.Sites.AnyAsync(s => s.Name == "Ny by"));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, params (string, string)[] fields) =>
        await client.PostAsync($"{Page}?handler={handler}", await StaffLogin.FormOfPairsAsync(client, Page, fields));

    private async Task<int> IdAsync<T>(Func<Borgerpuls.Data.BorgerpulsDb, IQueryable<T>> set, Func<T, bool> match, Func<T, int> id) where T : class
    {
        await using var db = _database.Open();
        return id((await set(db).AsNoTracking().ToListAsync()).Single(match));
    }

    private async Task<int> AuditCountAsync(string action)
    {
        await using var db = _database.Open();
        return await db.AuditEntries.CountAsync(a => a.Action == action);
    }

    [Fact]
    public async Task Each_kind_is_created_with_a_key_from_its_name_and_a_rename_keeps_the_key()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        var aabaek = await IdAsync(db => db.Municipalities, m => m.Key == "aabaek", m => m.Id);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(analyst, "Save", ("kind", "JobCentre"), ("parent", $"{aabaek}"), ("name", "Jobcenter Aabæk Øst"))).StatusCode);
        var east = await IdAsync(db => db.JobCentres, j => j.Key == "jobcenter-aabaek-oest", j => j.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(analyst, "Save", ("kind", "Site"), ("parent", $"{east}"), ("name", "Østergade 4"), ("window", "8"))).StatusCode);
        var site = await IdAsync(db => db.Sites, s => s.Key == "oestergade-4", s => s.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(analyst, "Save", ("kind", "Unit"), ("parent", $"{site}"), ("name", "Ungeteamet"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(analyst, "Save", ("kind", "Offer"), ("parent", $"{aabaek}"), ("name", "Løntilskud"), ("provider", "Firma A/S"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(analyst, "Save", ("kind", "TargetGroup"), ("name", "Unge under 30"), ("nameEn", "Young people under 30"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(analyst, "Save", ("kind", "TargetGroupSet"), ("name", "Unge og ledige"), ("members", "unge-under-30"), ("members", "dagpenge"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(analyst, "Save", ("kind", "BackgroundVariable"), ("name", "Forløbets længde"), ("options", "Under 6 måneder\nOver 6 måneder"))).StatusCode);

        var page = await analyst.GetStringAsync(Page);
        Assert.Contains("Oprettet: baggrundsvariabel »Forløbets længde«.", page);
        foreach (var name in new[] { "Jobcenter Aabæk Øst", "Østergade 4", "Ungeteamet", "Løntilskud", "Unge under 30", "Unge og ledige", "Forløbets længde", "Under 6 måneder, Over 6 måneder" })
        {
            Assert.Contains(name, page);
        }
        await using (var db = _database.Open())
        {
            var created = await db.Sites.Include(s => s.Units).Include(s => s.JobCentre).SingleAsync(s => s.Id == site);
            Assert.Equal(("jobcenter-aabaek-oest", 8, "ungeteamet"), (created.JobCentre!.Key, created.KioskRepeatWindowSeconds, created.Units.Single().Key));
            Assert.Equal("Firma A/S", (await db.Offers.SingleAsync(o => o.Key == "loentilskud")).Provider);
            var group = await db.TargetGroups.SingleAsync(g => g.Key == "unge-under-30");
            Assert.Equal("Young people under 30", group.Names["en"]);
            Assert.Equal(["dagpenge", "unge-under-30"], (await db.TargetGroupSets.Include(s => s.Members).SingleAsync(s => s.Key == "unge-og-ledige")).Members.Select(m => m.Key).Order());
            Assert.Equal(["under-6-maaneder", "over-6-maaneder"], (await db.BackgroundVariables.SingleAsync(v => v.Key == "forloebets-laengde")).Options.Select(o => o.Code));
            Assert.Equal(7, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.OrganisationCreate));
        }
        // A new site is offered at once where new work picks a site.
        Assert.Contains("value=\"oestergade-4\"", await (await _app.SignedInClientAsync(Roles.Admin)).GetStringAsync("/admin/devices"));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(analyst, "Save&culture=en&ui-culture=en", ("kind", "Site"), ("id", $"{site}"), ("name", "Østergade 6"), ("window", "5"))).StatusCode);
        await using (var db = _database.Open())
        {
            var renamed = await db.Sites.SingleAsync(s => s.Id == site);
            Assert.Equal(("oestergade-4", "Østergade 6", 5), (renamed.Key, renamed.Name, renamed.KioskRepeatWindowSeconds));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.OrganisationRename && a.Details!.Contains("oestergade-4 \"Østergade 6\"")));
        }
        Assert.Contains("Saved: site “Østergade 6”.", await analyst.GetStringAsync(Page + "?culture=en&ui-culture=en"));
    }

    [Fact]
    public async Task A_taken_name_and_every_other_problem_are_named_at_once_and_nothing_is_written()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        var centrum = await IdAsync(db => db.JobCentres, j => j.Key == "jc-centrum", j => j.Id);

        // "torvet" differs only in letter case from the existing Torvet; 99999 is past the 3600-second limit.
        var refused = await PostAsync(analyst, "Save", ("kind", "Site"), ("parent", $"{centrum}"), ("name", "torvet"), ("window", "99999"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Navnet »torvet« er allerede brugt her. Vælg et andet navn.", html);
        Assert.Contains("Gentagelsesvinduet »99999« skal være et helt antal sekunder fra 0 til 3600.", html);
        // The refused form is shown again open, as typed — the new-site form under Centrum, not the others.
        Assert.Matches($"<details class=\"org-new\" open=\"open\">\\s*<summary>[^<]*</summary>\\s*<form[^>]*>\\s*<input type=\"hidden\" name=\"kind\" value=\"Site\" />\\s*<input type=\"hidden\" name=\"parent\" value=\"{centrum}\" />", html);
        Assert.Contains($"id=\"new-site-{centrum}-name\" name=\"name\" value=\"torvet\"", html);
        Assert.Contains($"id=\"new-site-{centrum}-window\" name=\"window\" value=\"99999\"", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<details class=\"org-(new|change)\" open"));
        var set = await PostAsync(analyst, "Save", ("kind", "TargetGroupSet"), ("name", "Tom samling"));
        Assert.Contains("Vælg mindst én målgruppe til samlingen.", await set.Content.ReadAsStringAsync());
        // The same name under another job centre is another site.
        var nord = await IdAsync(db => db.JobCentres, j => j.Key == "jc-nord", j => j.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(analyst, "Save", ("kind", "Site"), ("parent", $"{nord}"), ("name", "Torvet"))).StatusCode);

        await using var db = _database.Open();
        Assert.Equal(["torvet", "torvet-2"], await db.Sites.Where(s => s.Name == "Torvet" || s.Name == "torvet").Select(s => s.Key).OrderBy(k => k).ToListAsync());
        Assert.False(await db.TargetGroupSets.AnyAsync(s => s.Key == "tom-samling"));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.OrganisationCreate));
        var english = await PostAsync(analyst, "Save&culture=en&ui-culture=en", ("kind", "Site"), ("parent", $"{centrum}"), ("name", "Torvet"));
        Assert.Contains("The name “Torvet” is already used here. Choose another name.", await english.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_same_form_sent_twice_at_once_creates_one()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        var aabaek = await IdAsync(db => db.Municipalities, m => m.Key == "aabaek", m => m.Id);
        var form = await StaffLogin.FormOfPairsAsync(analyst, Page, ("kind", "Offer"), ("parent", $"{aabaek}"), ("name", "Jobværksted"));
        var body = await form.ReadAsStringAsync();
        HttpContent Copy() => new StringContent(body, null, "application/x-www-form-urlencoded");
        var sent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => analyst.PostAsync(Page + "?handler=Save", Copy())));
        Assert.Contains(sent, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(HttpStatusCode.OK, (await analyst.PostAsync(Page + "?handler=Save", Copy())).StatusCode); // sent again later: refused, name taken

        await using var db = _database.Open();
        Assert.Equal(["jobvaerksted"], await db.Offers.Where(o => o.Name == "Jobværksted").Select(o => o.Key).ToListAsync());
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.OrganisationCreate));
    }

    [Fact]
    public async Task Retire_and_reactivate_clicked_four_times_at_once_change_it_once_and_write_one_audit_line_each()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        int offer;
        await using (var db = _database.Open()) offer = await db.Offers.Where(o => o.RetiredAt == null).Select(o => o.Id).FirstAsync();
        foreach (var handler in new[] { "Retire", "Reactivate" })
        {
            var form = await StaffLogin.FormOfPairsAsync(analyst, Page, ("kind", "Offer"), ("id", $"{offer}"));
            var body = await form.ReadAsStringAsync();
            var sent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
                analyst.PostAsync(Page + "?handler=" + handler, new StringContent(body, null, "application/x-www-form-urlencoded"))));
            Assert.All(sent, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        }
        Assert.Equal(1, await AuditCountAsync(AuditActions.OrganisationRetire));
        Assert.Equal(1, await AuditCountAsync(AuditActions.OrganisationReactivate));
        await using (var db = _database.Open()) Assert.Null(await db.Offers.Where(o => o.Id == offer).Select(o => o.RetiredAt).SingleAsync());
    }

    [Fact]
    public async Task A_retired_target_group_and_team_leave_the_pickers_but_answers_naming_them_are_still_received()
    {
        var deviceKey = await Devices.AddAsync(_database, "nordvej", "borgeroplevelse-5", "tablet");
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        var group = await IdAsync(db => db.TargetGroups, g => g.Key == "aktivitetsparat", g => g.Id);
        var team = await IdAsync(db => db.Units, u => u.Key == "aktivitetsparat-team", u => u.Id);
        var nordvej = await IdAsync(db => db.Sites, s => s.Key == "nordvej", s => s.Id);
        var nord = await IdAsync(db => db.JobCentres, j => j.Key == "jc-nord", j => j.Id);
        Assert.Contains("value=\"aktivitetsparat\"", await analyst.GetStringAsync("/paper"));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(analyst, "Retire", ("kind", "TargetGroup"), ("id", $"{group}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(analyst, "Retire", ("kind", "Unit"), ("id", $"{team}"))).StatusCode);
        // The page names what was retired from the database (not from the form).
        Assert.Contains("Taget ud af brug: team »Team Aktivitetsparat«.", await analyst.GetStringAsync(Page));
        // Refused while something is in use: the site has the tablet, the job centre the site.
        var site = await (await PostAsync(analyst, "Retire", ("kind", "Site"), ("id", $"{nordvej}"))).Content.ReadAsStringAsync();
        Assert.Contains("Adressen har kiosker eller tablets, der stadig er i brug: Test tablet.", site);
        var centre = await (await PostAsync(analyst, "Retire", ("kind", "JobCentre"), ("id", $"{nord}"))).Content.ReadAsStringAsync();
        Assert.Contains("Jobcentret har adresser, der stadig er i brug: Nordvej. Tag dem ud af brug først.", centre);

        Assert.DoesNotContain("value=\"aktivitetsparat\"", await analyst.GetStringAsync("/paper"));
        await using (var db = _database.Open())
        {
            Assert.DoesNotContain(await Choices.TargetGroupsAsync(db), c => c.Value == "aktivitetsparat");
            Assert.DoesNotContain(await Choices.UnitsAsync(db, "nordvej"), c => c.Value == "aktivitetsparat-team");
            Assert.Contains(await Choices.TargetGroupNamesAsync(db), c => c.Value == "aktivitetsparat");
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.OrganisationRetire && a.Details!.StartsWith("TargetGroup aktivitetsparat ")));
        }
        Assert.Contains("ude af brug siden", await analyst.GetStringAsync(Page));

        // An answer queued on the tablet before the retirement still names the retired group and team: it is received.
        var tablet = _app.CreateClient();
        tablet.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", deviceKey);
        Assert.Equal(HttpStatusCode.Created, (await tablet.PostAsJsonAsync("/api/v1/responses", Answer("aktivitetsparat"))).StatusCode);

        // Taken back into use: offered again, audited once.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(analyst, "Reactivate", ("kind", "TargetGroup"), ("id", $"{group}"))).StatusCode);
        Assert.Contains("value=\"aktivitetsparat\"", await analyst.GetStringAsync("/paper"));
        Assert.Equal(1, await AuditCountAsync(AuditActions.OrganisationReactivate));
    }

    /// <summary>An answer as a tablet at Nordvej sends it.</summary>
    private static object Answer(string targetGroup) => new
    {
        id = Guid.NewGuid(), instrument = "borgeroplevelse-5", answeredAt = DateTimeOffset.Now,
        context = new { unit = "aktivitetsparat-team", targetGroup, meetingType = "samtale", language = "da" },
        answers = new Dictionary<string, string> { ["hoert"] = "2" },
    };

    [Fact]
    public async Task Ingest_accepts_a_new_target_group_within_the_reference_data_age()
    {
        var tablet = _app.CreateClient();
        tablet.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", await Devices.AddAsync(_database, "nordvej", "borgeroplevelse-5", "tablet"));
        var unknown = await tablet.PostAsJsonAsync("/api/v1/responses", Answer("nyledige"));
        Assert.Contains("nyledige", await unknown.Content.ReadAsStringAsync()); // refused, naming the unknown target group
        Assert.Equal(4, (int)unknown.StatusCode / 100);

        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(analyst, "Save", ("kind", "TargetGroup"), ("name", "Nyledige"))).StatusCode);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        HttpStatusCode status;
        while ((status = (await tablet.PostAsJsonAsync("/api/v1/responses", Answer("nyledige"))).StatusCode) != HttpStatusCode.Created
            && waited.Elapsed < Borgerpuls.Data.ReferenceData.MaxAge * 2)
        {
            await Task.Delay(250);
        }
        Assert.Equal(HttpStatusCode.Created, status);
    }

    [Fact]
    public async Task A_retired_set_is_kept_in_the_form_of_the_target_that_names_it_and_left_out_of_a_new_one()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        var udsatte = await IdAsync(db => db.TargetGroupSets, s => s.Key == "udsatte", s => s.Id);
        var target = await IdAsync(db => db.Targets, t => t.Key == "udsatte-positiv", t => t.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(analyst, "Retire", ("kind", "TargetGroupSet"), ("id", $"{udsatte}"))).StatusCode);

        Assert.DoesNotContain("value=\"set:udsatte\"", await analyst.GetStringAsync("/targets/edit?instrument=vive-7"));
        Assert.Contains("value=\"set:udsatte\" selected=\"selected\"", await analyst.GetStringAsync($"/targets/edit?id={target}"));
        // The list of targets still names the set.
        Assert.Contains("Udsatte", await analyst.GetStringAsync("/targets"));
    }

    [Fact]
    public async Task Config_apply_of_a_file_without_retirement_leaves_a_retired_item_retired()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        var torvet = await IdAsync(db => db.Sites, s => s.Key == "torvet", s => s.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(analyst, "Retire", ("kind", "Site"), ("id", $"{torvet}"))).StatusCode);
        await using (var db = _database.Open())
        {
            var exported = await ConfigExporter.ExportAsync(db);
            await ConfigApplier.ApplyAsync(db, ConfigJson.Parse(ConfigJson.Write(exported)));
        }
        await using (var db = _database.Open())
        {
            Assert.NotNull((await db.Sites.SingleAsync(s => s.Key == "torvet")).RetiredAt);
            Assert.DoesNotContain(await Choices.SitesAsync(db, "jc-centrum"), c => c.Value == "torvet");
        }
    }

    [Fact]
    public async Task Other_roles_are_refused_and_nothing_is_written()
    {
        foreach (var role in new[] { Roles.Manager, Roles.Committee })
        {
            var client = await _app.SignedInClientAsync(role);
            var denied = await client.GetAsync(Page);
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.Equal("/access-denied", denied.Headers.Location!.AbsolutePath);
            // With a valid form token (from a page the role may open): refused by the role, not by the token.
            var post = await client.PostAsync(Page + "?handler=Save", await StaffLogin.FormOfPairsAsync(client, "/", ("kind", "TargetGroup"), ("name", "Snydt")));
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
            Assert.Equal("/access-denied", post.Headers.Location!.AbsolutePath);
            Assert.DoesNotContain("/admin/organisation", await client.GetStringAsync("/"));
        }
        Assert.Contains("/admin/organisation", await (await _app.SignedInClientAsync(Roles.Admin)).GetStringAsync(Page));
        await using var db = _database.Open();
        Assert.False(await db.TargetGroups.AnyAsync(g => g.Key == "snydt"));
    }
}
