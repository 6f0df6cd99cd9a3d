using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Borgerpuls.Domain;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Mirror;

/// <summary>Staff answer the mirror instrument through a web campaign of their job centre: anonymously, about a target group,
/// stored once however often the form is sent, and never in the citizens' figures or instrument lists.</summary>
public sealed class StaffAnswerTests
{
    private const string Link = "/s/spejl-centrum";

    [Fact]
    public async Task A_staff_answer_needs_a_target_group_is_stored_once_on_retry_and_two_copies_and_holds_no_user()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var staff = app.CreateClient(new() { HandleCookies = true, AllowAutoRedirect = false });

        var page = await staff.GetStringAsync(Link);
        Assert.Contains("Hvem handler din forventning om?", page);
        Assert.Contains("Svar, som du tror, borgerne vil svare.", page);
        Assert.DoesNotContain("Dine svar er anonyme. Du kan springe spørgsmål over.", page);
        Assert.Contains("Tror du, borgerne synes, at deres sagsbehandler inddrager dem?", page);
        Assert.Contains("<select id=\"targetGroup\" name=\"targetGroup\" required=\"required\"", page);

        // Without a target group: a specific error, nothing stored.
        var id = DemoOrganisation.ResponseId(page);
        var missing = await staff.PostAsync(Link, await StaffLogin.FormAsync(staff, Link, new() { ["id"] = id, ["a.samtale"] = "2" }));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Angiv hvilken målgruppe din forventning handler om.", await missing.Content.ReadAsStringAsync());
        Assert.Equal(0, await CountAsync(database));

        // A negative expectation is stored without the citizens' offer to be contacted; the same form again stores nothing.
        var fields = new Dictionary<string, string> { ["id"] = id, ["a.samtale"] = "2", ["a.inddrager"] = "4", ["targetGroup"] = "jobparat" };
        var first = await staff.PostAsync(Link, await StaffLogin.FormAsync(staff, Link, fields));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(Link + "?sent=1", first.Headers.Location!.OriginalString);
        var retry = await staff.PostAsync(Link, await StaffLogin.FormAsync(staff, Link, fields));
        Assert.Equal(Link + "?sent=1", retry.Headers.Location!.OriginalString);
        // Back, changed and sent again: the first answer stands.
        var changed = await staff.PostAsync(Link, await StaffLogin.FormAsync(staff, Link, new Dictionary<string, string>(fields) { ["a.samtale"] = "5" }));
        Assert.Equal(Link + "?sent=2", changed.Headers.Location!.OriginalString);
        Assert.Contains("tælles aldrig med i borgernes tal", await staff.GetStringAsync(Link + "?sent=1"));

        // Two copies of one new form at once.
        var second = DemoOrganisation.ResponseId(await staff.GetStringAsync(Link));
        var copy = new Dictionary<string, string>(fields) { ["id"] = second, ["targetGroup"] = "aktivitetsparat" };
        var both = await Task.WhenAll(
            Task.Run(async () => await staff.PostAsync(Link, await StaffLogin.FormAsync(staff, Link, copy))),
            Task.Run(async () => await staff.PostAsync(Link, await StaffLogin.FormAsync(staff, Link, copy))));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));

        Assert.Equal(2, await CountAsync(database));
        await using var db = database.Open();
        var stored = await db.Responses.AsNoTracking().SingleAsync(r => r.Id == Guid.Parse(id));
        Assert.Equal(Channel.Web, stored.Channel);
        Assert.Equal(await db.JobCentres.Where(j => j.Key == "jc-centrum").Select(j => j.Id).SingleAsync(), stored.JobCentreId);
        Assert.Equal(await db.TargetGroups.Where(t => t.Key == "jobparat").Select(t => (int?)t.Id).SingleAsync(), stored.TargetGroupId);
        Assert.Equal(["2"], stored.Answers["samtale"]);
        Assert.Empty(await db.FollowUpRequests.ToListAsync());
        // Anonymous like a citizen's answer: the response has no field that could hold who answered.
        Assert.DoesNotContain(typeof(Response).GetProperties(), p => p.Name.Contains("User", StringComparison.OrdinalIgnoreCase) || p.Name.Contains("Staff", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Staff_answers_are_not_in_the_citizens_figures_nor_offered_as_citizen_figures()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var staff = app.CreateClient(new() { HandleCookies = true, AllowAutoRedirect = false });
        // Five, so that the mirror's figures are at the anonymity threshold and shown.
        for (var i = 0; i < 5; i++)
        {
            var id = DemoOrganisation.ResponseId(await staff.GetStringAsync(Link));
            var posted = await staff.PostAsync(Link, await StaffLogin.FormAsync(staff, Link, new() { ["id"] = id, ["a.samtale"] = "5", ["targetGroup"] = "jobparat" }));
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }

        var analyst = await app.SignedInClientAsync(Roles.Analyst);
        var citizens = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/results?instrument=vive-7");
        Assert.All(citizens.GetProperty("groups").EnumerateArray(), g => Assert.True(g.GetProperty("suppressed").GetBoolean()));
        Assert.Equal(0, await CountAsync(database, "vive-7"));
        var mirror = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/results?instrument=vive-7-spejl");
        Assert.Equal(5, mirror.GetProperty("groups")[0].GetProperty("respondents").GetInt64());

        // The dashboard, targets, the transparency page's and action plan's pickers list citizen instruments only.
        foreach (var path in new[] { "/dashboard", "/targets", "/transparency", "/actions" })
        {
            var html = await analyst.GetStringAsync(path);
            Assert.Contains("value=\"vive-7\"", html);
            Assert.DoesNotContain("value=\"vive-7-spejl\"", html);
        }
    }

    private static async Task<int> CountAsync(TestDatabase database, string instrument = "vive-7-spejl")
    {
        await using var db = database.Open();
        return await db.Responses.CountAsync(r => db.Instruments.Any(i => i.Id == r.InstrumentId && i.Key == instrument));
    }
}
