using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Borgerpuls.Domain;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Campaigns;

/// <summary>The campaigns page on the demo organisation: Jobcenter Aabæk Nord has the site Nordvej with the teams
/// aktivitetsparat-team and jobafklaring-team; Jobcenter Aabæk Centrum has Sjællandsgade and Torvet.</summary>
public sealed class CampaignsPageTests : IAsyncLifetime
{
    private const string Page = "/campaigns/edit?instrument=brugerundersoegelse-15";
    private const string PublicUrl = "https://borgerpuls.aabaek.dk";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private TestDatabase _database = null!;
    private BorgerpulsApp _app = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.AddDemoOrganisationAsync();
        _app = new BorgerpulsApp(_database) { Settings = { ["PublicUrl"] = PublicUrl } };
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static (string, string)[] Form(string name, params (string, string)[] changes)
    {
        var fields = new List<(string, string)>
        {
            ("Name", name), ("Channel", "Web"), ("JobCentre", "jc-nord"), ("Site", "nordvej"), ("Unit", "jobafklaring-team"),
            ("StartsOn", Day(Today.AddDays(-1))), ("EndsOn", Day(Today.AddDays(30))), ("Status", "Open"),
            // Sent against the configured order, which is the order kept.
            ("TargetGroups", "jobafklaring"), ("TargetGroups", "aktivitetsparat"),
        };
        foreach (var (key, value) in changes)
        {
            fields.RemoveAll(f => f.Item1 == key);
            if (value.Length > 0) fields.Add((key, value));
        }
        return [.. fields];
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, (string, string)[] form, string page = Page) =>
        await client.PostAsync(page, await StaffLogin.FormOfPairsAsync(client, page, form));

    [Fact]
    public async Task An_analyst_creates_a_web_campaign_that_is_listed_by_name_and_whose_link_and_qr_code_citizens_can_use()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        var form = await analyst.GetStringAsync(Page);
        Assert.Contains("<optgroup label=\"Jobcenter Aabæk Nord\">", form);
        Assert.Contains("<option value=\"jobafklaring-team\">Team Jobafklaring</option>", form);
        Assert.Contains("value=\"jobafklaring\" /> Jobafklaringsforløb", form);

        var created = await SendAsync(analyst, Form("Venteværelset på Nordvej"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/campaigns", created.Headers.Location!.OriginalString);

        int id;
        await using (var db = _database.Open())
        {
            var campaign = await db.Campaigns.Include(c => c.Instrument).SingleAsync(c => c.Name == "Venteværelset på Nordvej");
            id = campaign.Id;
            var centre = await db.JobCentres.SingleAsync(j => j.Key == "jc-nord");
            var site = await db.Sites.SingleAsync(s => s.Key == "nordvej");
            var unit = await db.Units.SingleAsync(u => u.Key == "jobafklaring-team");
            Assert.Equal(("ventevaerelset-paa-nordvej", "brugerundersoegelse-15", Channel.Web, CampaignStatus.Open),
                (campaign.Key, campaign.Instrument!.Key, campaign.Channel, campaign.Status));
            Assert.Equal((centre.Id, site.Id, unit.Id), (campaign.JobCentreId, campaign.SiteId, campaign.UnitId));
            Assert.Equal((Today.AddDays(-1), Today.AddDays(30)), (campaign.StartsOn, campaign.EndsOn));
            Assert.Equal(["aktivitetsparat", "jobafklaring"], campaign.TargetGroupKeys);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "campaign.create" && a.Details!.Contains("ventevaerelset-paa-nordvej")));
        }

        var list = await analyst.GetStringAsync("/campaigns");
        var link = $"{PublicUrl}/s/ventevaerelset-paa-nordvej";
        var danish = CultureInfo.GetCultureInfo("da-DK");
        Assert.Contains("Kampagnen »Venteværelset på Nordvej« er oprettet.", list);
        Assert.Contains("<td>Jobcenter Aabæk Nord, Nordvej, Team Jobafklaring</td>", list);
        Assert.Contains($"<td>{Today.AddDays(-1).ToString("d", danish)} – {Today.AddDays(30).ToString("d", danish)}</td>", list);
        Assert.Contains("<td>Aktivitetsparate, Jobafklaringsforløb</td>", list);
        Assert.Contains("<td>Åbent link</td>", list);
        Assert.Contains("<td>Åben</td>", list);
        Assert.Contains($"<code>{link}</code>", list);
        Assert.Contains("<td>Smileystander</td>", list); // the demo's own campaigns, in words too

        var page = await analyst.GetStringAsync($"/campaigns/edit/{id}");
        Assert.Contains($"<code>{link}</code>", page);
        var qr = Regex.Match(page, "<img class=\"qr\" src=\"data:image/svg\\+xml;base64,([^\"]+)\"");
        Assert.True(qr.Success);
        Assert.Contains("<svg", Encoding.UTF8.GetString(Convert.FromBase64String(WebUtility.HtmlDecode(qr.Groups[1].Value))));
        Assert.Contains("<option value=\"jobafklaring-team\" selected=\"selected\">", page);

        // The link works for an anonymous citizen.
        using var citizen = _app.CreateClient();
        var survey = await citizen.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, survey.StatusCode);
        Assert.Contains("class=\"questionnaire\"", await survey.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_campaign_is_changed_in_place_under_its_own_key_and_an_invitation_campaign_points_to_the_invitations()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        Assert.Equal(HttpStatusCode.Redirect, (await SendAsync(analyst, Form("Nordvej"))).StatusCode);
        int id;
        await using (var db = _database.Open()) id = await db.Campaigns.Where(c => c.Name == "Nordvej").Select(c => c.Id).SingleAsync();

        var saved = await SendAsync(analyst, Form("Nordvej, invitationer", ("Channel", "Link"), ("Status", "Draft"), ("EndsOn", ""), ("TargetGroups", "")),
            $"/campaigns/edit/{id}");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = _database.Open())
        {
            var campaign = await db.Campaigns.SingleAsync(c => c.Id == id);
            Assert.Equal(("nordvej", "Nordvej, invitationer", Channel.Link, CampaignStatus.Draft, (DateOnly?)null), (campaign.Key, campaign.Name, campaign.Channel, campaign.Status, campaign.EndsOn));
            Assert.Empty(campaign.TargetGroupKeys);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "campaign.update" && a.Details!.Contains("nordvej")));
        }
        var list = await analyst.GetStringAsync("/campaigns");
        Assert.Contains($"<td>Fra {Today.AddDays(-1).ToString("d", CultureInfo.GetCultureInfo("da-DK"))}</td>", list);
        Assert.Contains("<td>Alle målgrupper</td>", list);
        Assert.Contains("<td>Kladde</td>", list);
        var page = await analyst.GetStringAsync($"/campaigns/edit/{id}");
        Assert.Contains("data-testid=\"campaign-invitations\"", page);
        Assert.Contains("href=\"/invitations/new\"", page);
        Assert.DoesNotContain("class=\"qr\"", page);
    }

    [Fact]
    public async Task Every_problem_of_the_form_is_named_at_once_and_nothing_is_saved()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        var refused = await SendAsync(analyst, Form(" ", ("StartsOn", Day(Today)), ("EndsOn", Day(Today.AddDays(-3))), ("Site", "findes-ikke"),
            ("TargetGroups", "findes-heller-ikke")));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        foreach (var expected in new[]
        {
            "Giv kampagnen et navn (højst 200 tegn).", "Slutdatoen ligger før startdatoen.", "Ukendt adresse: findes-ikke",
            "Ukendt målgruppe: findes-heller-ikke",
        })
        {
            Assert.Contains(expected, html);
        }
        // A site of another job centre, a team of another site, a date that cannot be read.
        var mismatched = WebUtility.HtmlDecode(await (await SendAsync(analyst, Form("Forkert sted", ("Site", "torvet"), ("Unit", "jobparat-team"),
            ("StartsOn", "2026-02-31"), ("Status", "Bogus")))).Content.ReadAsStringAsync());
        foreach (var expected in new[]
        {
            "Adressen torvet hører ikke til jobcentret jc-nord.", "Teamet jobparat-team hører ikke til adressen torvet.",
            "Start: »2026-02-31« kan ikke læses.", "Status: »Bogus« kan ikke læses.",
        })
        {
            Assert.Contains(expected, mismatched);
        }
        Assert.DoesNotContain("Vælg en startdato.", mismatched); // the unread date is named once
        var unknown = WebUtility.HtmlDecode(await (await SendAsync(analyst, Form("Ukendt", ("JobCentre", "jc-findes-ikke"), ("Site", ""), ("Unit", "team-findes-ikke"),
            ("StartsOn", "")))).Content.ReadAsStringAsync());
        Assert.Contains("Ukendt jobcenter: jc-findes-ikke", unknown);
        Assert.Contains("Ukendt team: team-findes-ikke", unknown);
        Assert.Contains("Vælg en startdato.", unknown);

        await using var db = _database.Open();
        Assert.Equal(7, await db.Campaigns.CountAsync()); // the demo's own: four for citizens, three mirror surveys for staff
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action.StartsWith("campaign.")));
    }

    [Fact]
    public async Task The_same_form_sent_twice_or_twice_at_once_creates_one_campaign()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        Assert.Equal(HttpStatusCode.Redirect, (await SendAsync(analyst, Form("Dobbelt"))).StatusCode);
        var again = await SendAsync(analyst, Form("Dobbelt"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Der findes allerede en kampagne ved navn »Dobbelt« for dette spørgeskema.", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));

        var atOnce = await Task.WhenAll(SendAsync(analyst, Form("Samtidig")), SendAsync(analyst, Form("Samtidig")));
        Assert.Single(atOnce, r => r.StatusCode == HttpStatusCode.Redirect);
        await using var db = _database.Open();
        Assert.Equal(1, await db.Campaigns.CountAsync(c => c.Name == "Dobbelt"));
        Assert.Equal(1, await db.Campaigns.CountAsync(c => c.Name == "Samtidig"));
    }

    [Fact]
    public async Task Committee_members_and_managers_read_the_campaigns_and_change_none()
    {
        foreach (var role in new[] { Roles.Committee, Roles.Manager })
        {
            var client = await _app.SignedInClientAsync(role, "jc-nord");
            var list = await client.GetStringAsync("/campaigns");
            Assert.Contains("Smileystandere, løbende", list);
            Assert.Contains($"<code>{PublicUrl}/s/brugerundersoegelse</code>", list);
            Assert.Contains("href=\"/campaigns\">Kampagner</a>", list);
            Assert.DoesNotContain("/campaigns/edit", list);
            foreach (var page in new[] { Page, "/campaigns/edit/1" })
            {
                var denied = await client.GetAsync(page);
                Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
                Assert.Equal("/access-denied", denied.Headers.Location!.AbsolutePath);
            }
        }
    }

    [Fact]
    public async Task The_pages_speak_english_on_request()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        var list = await analyst.GetStringAsync("/campaigns?culture=en&ui-culture=en");
        Assert.Contains("<h1>Campaigns</h1>", list);
        Assert.Contains("<td>Open link</td>", list);
        Assert.Contains("<td>All target groups</td>", list);
        var form = await analyst.GetStringAsync(Page + "&culture=en&ui-culture=en");
        Assert.Contains("<h1>New campaign</h1>", form);
        Assert.Contains("value=\"jobafklaring\" /> Job clarification course", form);
        Assert.DoesNotContain("Campaigns.", form.Replace("/campaigns", "", StringComparison.Ordinal));
    }
}
