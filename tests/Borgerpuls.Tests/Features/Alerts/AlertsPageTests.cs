using System.Globalization;
using System.Net;
using Borgerpuls.Domain;
using Borgerpuls.Features.Alerts;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Alerts;

/// <summary>The alert rules page: who may use it, what a bad form is told, that a rule is stored once and every change is
/// audited, and its English.</summary>
public sealed class AlertsPageTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private BorgerpulsApp _app = null!;

    public async Task InitializeAsync()
    {
        (_database, _app) = await DemoOrganisation.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static (string, string)[] Form(params (string, string)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["Name"] = "Mange negative på Sjællandsgade", ["Kind"] = "NegativeShare", ["Scope"] = "site:sjaellandsgade", ["WindowHours"] = "3",
            ["Level"] = "40", ["MinimumBase"] = "10", ["Addresses"] = "leder@kommune.dk", ["Digest"] = "false",
        };
        foreach (var (key, value) in changes) fields[key] = value;
        return fields.Select(kv => (kv.Key, kv.Value)).ToArray();
    }

    [Theory]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Committee)]
    public async Task Managers_and_committee_members_are_refused(string role)
    {
        var client = await _app.SignedInClientAsync(role, "jc-centrum");
        foreach (var page in new[] { "/alerts", "/alerts/edit" })
        {
            var denied = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.Equal("/access-denied", denied.Headers.Location!.AbsolutePath);
        }
        Assert.DoesNotContain("href=\"/alerts\"", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_bad_form_is_told_every_problem_at_once_and_stores_nothing()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        var response = await analyst.PostAsync("/alerts/edit", await StaffLogin.FormOfPairsAsync(analyst, "/alerts/edit",
            Form(("Name", ""), ("Scope", "target:findes-ikke"), ("WindowHours", "0"), ("Level", "120"), ("Addresses", "ikke-en-adresse"))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Skriv et navn på højst 200 tegn.", html);
        Assert.Contains("Vælg en adresse eller et jobcenter for andelen af negative svar.", html);
        Assert.Contains("Tidsrummet skal være et helt antal timer fra 1 til 168, ikke »0«.", html);
        Assert.Contains("Grænsen skal være en procent fra 0 til under 100, ikke »120«.", html);
        Assert.Contains("»ikke-en-adresse« er ikke en e-mailadresse.", html);
        await using var db = _database.Open();
        Assert.False(await db.Set<AlertRule>().AnyAsync());
    }

    [Fact]
    public async Task A_rule_is_created_once_changed_and_deleted_and_every_step_is_audited()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        var leader = await _app.CreateUserAsync(Roles.Manager, "jc-centrum");
        var leaderId = await StaffLogin.UserIdAsync(_database, leader);
        Assert.Contains(leader, await analyst.GetStringAsync("/alerts/edit"));

        var form = Form(("Users", leaderId));
        // The same form sent twice: one rule.
        var first = await analyst.PostAsync("/alerts/edit", await StaffLogin.FormOfPairsAsync(analyst, "/alerts/edit", form));
        var second = await analyst.PostAsync("/alerts/edit", await StaffLogin.FormOfPairsAsync(analyst, "/alerts/edit", form));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("Der findes allerede en alarmregel med navnet Mange negative på Sjællandsgade.", WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync()));
        AlertRule rule;
        await using (var db = _database.Open())
        {
            rule = await db.Set<AlertRule>().SingleAsync();
            Assert.Equal((AlertKind.NegativeShare, "site:sjaellandsgade", 3, 0.40, 10, false), (rule.Kind, rule.Scope, rule.WindowHours, rule.Level, rule.MinimumBase, rule.Digest));
            Assert.Equal(["user:" + leaderId, "leder@kommune.dk"], rule.Recipients);
        }
        var list = WebUtility.HtmlDecode(await analyst.GetStringAsync("/alerts"));
        Assert.Contains("Alarmreglen Mange negative på Sjællandsgade er oprettet.", list);
        Assert.Contains("over 40 pct. negative de seneste 3 timer, mindst 10 besvarelser", list);

        var changed = await analyst.PostAsync($"/alerts/edit/{rule.Id}", await StaffLogin.FormOfPairsAsync(analyst, $"/alerts/edit/{rule.Id}",
            Form(("Level", "35,5"), ("Digest", "true"))));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var deleted = await analyst.PostAsync("/alerts?handler=Delete", await StaffLogin.FormAsync(analyst, "/alerts", new() { ["id"] = rule.Id.ToString(CultureInfo.InvariantCulture) }));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        await using (var db = _database.Open())
        {
            Assert.False(await db.Set<AlertRule>().AnyAsync());
            var actions = await db.AuditEntries.Where(a => a.Action.StartsWith("alert.")).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
            Assert.Equal(["alert.create", "alert.update", "alert.delete"], actions);
        }
    }

    [Fact]
    public async Task The_page_and_the_mail_speak_english()
    {
        var admin = await _app.SignedInClientAsync(Roles.Admin);
        var page = await admin.GetStringAsync("/alerts?culture=en&ui-culture=en");
        Assert.Contains("There are no alert rules yet.", page);
        Assert.Contains("New alert rule", page);
        Assert.Contains("<a href=\"/alerts\">Alerts</a>", page); // in the staff menu
        var form = await admin.GetStringAsync("/alerts/edit?culture=en&ui-culture=en");
        Assert.Contains("Kiosk without answers during opening hours", form);

        var rule = new AlertRule { Name = "Negative", Kind = AlertKind.NegativeShare, Level = 0.4, WindowHours = 3 };
        var raised = new AlertEvent { Subject = "site:x", SubjectName = "Sjællandsgade", Figure = 5.0 / 12, Base = 12, RaisedAt = new DateTime(2026, 3, 10, 11, 30, 0, DateTimeKind.Utc) };
        var mail = AlertMailText.Render("leder@kommune.dk", [(rule, raised)], "https://borgerpuls.test", CultureInfo.GetCultureInfo("en"));
        Assert.Equal("Borgerpuls alert: Negative – Sjællandsgade", mail.Subject);
        Assert.Contains("Figure: 42% negative answers (level 40%)", mail.Body);
        Assert.Contains("Base (responses): 12", mail.Body);
    }
}
