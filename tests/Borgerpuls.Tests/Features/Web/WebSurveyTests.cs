using System.Net;
using Borgerpuls.Domain;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Web;

public sealed class WebSurveyTests
{
    [Fact]
    public async Task The_open_web_form_stores_a_response_with_channel_web_through_the_ingest_path()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var citizen = app.CreateClient(new() { HandleCookies = true });

        var page = await citizen.GetStringAsync("/s/brugerundersoegelse");
        Assert.Contains("Hvor tilfreds er du samlet set med dit forløb i Jobcentret?", page);
        Assert.Contains("name=\"__RequestVerificationToken\"", page);
        Assert.Contains("Spørgeskemaet har 15 spørgsmål.", page);
        Assert.Contains("<option value=\"jobafklaring\">", page);
        var id = DemoOrganisation.ResponseId(page);
        var form = await StaffLogin.FormAsync(citizen, "/s/brugerundersoegelse", new()
        {
            ["id"] = id, ["jobcentre"] = "jc-nord", ["targetGroup"] = "jobafklaring",
            ["a.samlet"] = "4", ["a.styrker"] = "ved-ikke", ["a.kommentar"] = "Skriv til mig på borger@example.dk",
        });
        var posted = await citizen.PostAsync("/s/brugerundersoegelse", form);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Dine svar er gemt", await posted.Content.ReadAsStringAsync());
        await using var db = database.Open();
        var response = await db.Responses.SingleAsync();
        Assert.Equal(Channel.Web, response.Channel);
        Assert.Equal(Guid.Parse(id), response.Id);
        Assert.Equal(await db.Campaigns.Where(c => c.Key == "brugerundersoegelse").Select(c => (int?)c.Id).SingleAsync(), response.CampaignId);
        Assert.Equal(await db.JobCentres.Where(j => j.Key == "jc-nord").Select(j => j.Id).SingleAsync(), response.JobCentreId);
        Assert.Equal(await db.TargetGroups.Where(t => t.Key == "jobafklaring").Select(t => (int?)t.Id).SingleAsync(), response.TargetGroupId);
        Assert.Equal(["4"], response.Answers["samlet"]);
        Assert.Equal(["ved-ikke"], response.Answers["styrker"]);
        Assert.Equal("Skriv til mig på [EMAIL]", (await db.Comments.SingleAsync()).Text);

        // The same page sent twice (a double tap) stores one response.
        var again = await citizen.PostAsync("/s/brugerundersoegelse", await StaffLogin.FormAsync(citizen, "/s/brugerundersoegelse", new()
        {
            ["id"] = id, ["jobcentre"] = "jc-nord", ["targetGroup"] = "jobafklaring",
            ["a.samlet"] = "4", ["a.styrker"] = "ved-ikke", ["a.kommentar"] = "Skriv til mig på borger@example.dk",
        }));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, await db.Responses.CountAsync());
    }

    [Fact]
    public async Task Invalid_answers_and_target_groups_outside_the_campaign_are_refused_with_the_validators_messages()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        await using (var db = database.Open())
        {
            var campaign = await db.Campaigns.SingleAsync(c => c.Key == "brugerundersoegelse");
            campaign.TargetGroupKeys = ["jobparat", "dagpenge"];
            await db.SaveChangesAsync();
        }
        var citizen = app.CreateClient(new() { HandleCookies = true });
        var page = await citizen.GetStringAsync("/s/brugerundersoegelse");
        Assert.DoesNotContain("value=\"jobafklaring\"", page);

        var wrongGroup = await citizen.PostAsync("/s/brugerundersoegelse", await StaffLogin.FormAsync(citizen, "/s/brugerundersoegelse", new()
        {
            ["id"] = Guid.NewGuid().ToString(), ["jobcentre"] = "jc-nord", ["targetGroup"] = "jobafklaring", ["a.samlet"] = "4",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, wrongGroup.StatusCode);
        Assert.Contains("«Hvilken gruppe hører du til?»: Dette spørgeskema spørger ikke om den gruppe.", await wrongGroup.Content.ReadAsStringAsync());
        var badOption = await citizen.PostAsync("/s/brugerundersoegelse", await StaffLogin.FormAsync(citizen, "/s/brugerundersoegelse", new()
        {
            ["id"] = Guid.NewGuid().ToString(), ["jobcentre"] = "jc-nord", ["a.samlet"] = "9",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, badOption.StatusCode);
        var refused = await badOption.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#q-samlet\">Spørgsmål 1 «Hvor tilfreds er du samlet set med dit forløb i Jobcentret?»: &#x27;9&#x27; er ikke en svarmulighed til delvist5", refused);
        Assert.Contains("aria-describedby=\"err-samlet\"", refused);
        Assert.DoesNotContain("answers.samlet", refused);
        var noToken = await citizen.PostAsync("/s/brugerundersoegelse", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = Guid.NewGuid().ToString(), ["jobcentre"] = "jc-nord", ["a.samlet"] = "4",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        await using var check = database.Open();
        Assert.Equal(0, await check.Responses.CountAsync());
    }

    [Fact]
    public async Task A_closed_or_not_yet_open_campaign_gets_a_friendly_page_and_refuses_answers()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var citizen = app.CreateClient(new() { HandleCookies = true });
        var form = await StaffLogin.FormAsync(citizen, "/s/brugerundersoegelse", new() { ["id"] = Guid.NewGuid().ToString(), ["jobcentre"] = "jc-nord", ["a.samlet"] = "4" });

        await using (var db = database.Open())
        {
            var campaign = await db.Campaigns.SingleAsync(c => c.Key == "brugerundersoegelse");
            campaign.Status = CampaignStatus.Closed;
            await db.SaveChangesAsync();
        }
        var closed = await citizen.GetAsync("/s/brugerundersoegelse");
        Assert.Equal(HttpStatusCode.Gone, closed.StatusCode);
        Assert.Contains("Spørgeskemaet er lukket", await closed.Content.ReadAsStringAsync());
        var refused = await citizen.PostAsync("/s/brugerundersoegelse", form);
        Assert.Equal(HttpStatusCode.Gone, refused.StatusCode);

        await using (var db = database.Open())
        {
            var campaign = await db.Campaigns.SingleAsync(c => c.Key == "brugerundersoegelse");
            campaign.Status = CampaignStatus.Open;
            campaign.StartsOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);
            await db.SaveChangesAsync();
        }
        var early = await citizen.GetAsync("/s/brugerundersoegelse");
        Assert.Equal(HttpStatusCode.Forbidden, early.StatusCode);
        Assert.Contains("ikke åbnet endnu", await early.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync("/s/exit-poll")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync("/s/findes-ikke")).StatusCode);

        await using var check = database.Open();
        Assert.Equal(0, await check.Responses.CountAsync());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>A campaign opens on its first day by the Danish calendar: at 23:30 UTC on 3 December it is already 00:30 on
    /// 4 December in Copenhagen (UTC+1), so a campaign starting 4 December is open; at 22:30 UTC (23:30 Danish) it is not yet.</summary>
    [Fact]
    public async Task A_campaign_opens_at_danish_midnight_not_at_utc_midnight()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        await using (var db = database.Open())
        {
            var campaign = await db.Campaigns.SingleAsync(c => c.Key == "brugerundersoegelse");
            (campaign.Status, campaign.StartsOn, campaign.EndsOn) = (CampaignStatus.Open, new DateOnly(2026, 12, 4), null);
            await db.SaveChangesAsync();
        }
        await using (var before = new BorgerpulsApp(database) { Clock = new FixedClock(new DateTimeOffset(2026, 12, 3, 22, 30, 0, TimeSpan.Zero)) })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await before.CreateClient().GetAsync("/s/brugerundersoegelse")).StatusCode);
        }
        await using var after = new BorgerpulsApp(database) { Clock = new FixedClock(new DateTimeOffset(2026, 12, 3, 23, 30, 0, TimeSpan.Zero)) };
        Assert.Equal(HttpStatusCode.OK, (await after.CreateClient().GetAsync("/s/brugerundersoegelse")).StatusCode);
    }

    [Fact]
    public async Task The_page_speaks_polish_and_ukrainian_and_falls_back_to_danish_questions_visibly()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var citizen = app.CreateClient();
        await using (var db = database.Open())
        {
            // A question not (yet) translated into Polish.
            var samlet = await db.Questions.SingleAsync(q => q.Key == "samlet");
            samlet.Texts = new(samlet.Texts.Where(t => t.Key != "pl").ToDictionary());
            await db.SaveChangesAsync();
        }

        var polish = await citizen.GetStringAsync("/s/brugerundersoegelse?culture=pl");
        Assert.Contains("lang=\"pl\"", polish);
        Assert.Contains("Wyślij moje odpowiedzi", polish);
        Assert.Contains("jest wyświetlane po duńsku", polish);
        Assert.Contains("<span lang=\"da\" dir=\"ltr\">Hvor tilfreds er du samlet set", polish);
        Assert.Contains("Czy masz poczucie, że program w urzędzie pracy zwiększa twoje szanse na pracę lub naukę?", polish);
        Assert.Contains("Badanie użytkowników (15 pytań)", polish);
        var ukrainian = await citizen.GetStringAsync("/s/brugerundersoegelse?culture=uk");
        Assert.Contains("Надіслати мої відповіді", ukrainian);
        Assert.Contains("Більший текст", ukrainian);
    }

    [Fact]
    public async Task The_large_text_choice_is_remembered_without_javascript()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var citizen = app.CreateClient(new() { HandleCookies = true, AllowAutoRedirect = false });

        Assert.DoesNotContain("large-text", await citizen.GetStringAsync("/s/brugerundersoegelse"));
        var toggled = await citizen.PostAsync("/text-size", await StaffLogin.FormAsync(citizen, "/s/brugerundersoegelse", new() { ["returnUrl"] = "/s/brugerundersoegelse" }));
        Assert.Equal(HttpStatusCode.Redirect, toggled.StatusCode);
        Assert.Equal("/s/brugerundersoegelse", toggled.Headers.Location?.OriginalString);
        var page = await citizen.GetStringAsync("/s/brugerundersoegelse");
        Assert.Contains("class=\"large-text\"", page);
        Assert.Contains("aria-pressed=\"true\"", page);
    }
}
