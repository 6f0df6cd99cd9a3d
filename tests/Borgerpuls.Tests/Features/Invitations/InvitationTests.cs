using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Borgerpuls.Domain;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Invitations;

public sealed class InvitationTests
{
    [Fact]
    public async Task A_manager_invites_the_citizen_answers_once_on_the_page_and_the_second_time_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        await using var app = new BorgerpulsApp(database);
        var manager = await app.SignedInClientAsync(Roles.Manager, "jc-nord");

        var refused = await manager.PostAsJsonAsync("/api/v1/invitations", new { instrument = "borgeroplevelse-5", jobCentre = "jc-centrum" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var created = await manager.PostAsJsonAsync("/api/v1/invitations", new { instrument = "borgeroplevelse-5", jobCentre = "jc-nord", site = "nordvej", targetGroup = "jobafklaring", meetingType = "samtale", referredBy = "sagsbehandler" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var invitation = await created.Content.ReadFromJsonAsync<JsonElement>();
        var token = invitation.GetProperty("token").GetString()!;
        Assert.StartsWith("<svg", invitation.GetProperty("qrSvg").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/i/" + token, invitation.GetProperty("url").GetString(), StringComparison.Ordinal);

        var citizen = app.CreateClient(new() { HandleCookies = true });
        var page = await citizen.GetStringAsync($"/i/{token}");
        Assert.Contains("Følte du dig hørt og anerkendt i dag?", page);
        var id = Regex.Match(page, "name=\"id\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = await StaffLogin.FormAsync(citizen, $"/i/{token}", new() { ["id"] = id, ["a.hoert"] = "5", ["a.tror"] = "ved-ikke", ["a.kommentar"] = "Ring på 12345678" });
        var answered = await citizen.PostAsync($"/i/{token}", form);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("Dine svar er gemt", await answered.Content.ReadAsStringAsync());

        var again = await citizen.GetAsync($"/i/{token}");
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("allerede besvaret", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync("/i/findes-ikke-0123456789")).StatusCode);

        await using var db = database.Open();
        var response = await db.Responses.SingleAsync();
        Assert.Equal(Channel.Link, response.Channel);
        Assert.Equal(["5"], response.Answers["hoert"]);
        Assert.Equal("samtale", response.MeetingType);
        Assert.Equal("Ring på [TELEFON]", (await db.Comments.SingleAsync()).Text);
        var stored = await db.Invitations.SingleAsync();
        Assert.True(stored.Used);
        Assert.Equal("sagsbehandler", stored.ReferredBy);
        Assert.NotEqual(token, stored.TokenHash);
    }

    [Fact]
    public async Task Invalid_invitation_requests_list_every_problem()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        await using var app = new BorgerpulsApp(database);
        var analyst = await app.SignedInClientAsync(Roles.Analyst);

        var response = await analyst.PostAsJsonAsync("/api/v1/invitations", new { instrument = "nej", jobCentre = "jc-nord", site = "torvet", validDays = 400 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = body.GetProperty("errors");
        Assert.True(errors.TryGetProperty("instrument", out _));
        Assert.True(errors.TryGetProperty("site", out _));
        Assert.True(errors.TryGetProperty("validDays", out _));
        // Worded in Danish by default, in English on request.
        Assert.Equal("Invitationen blev ikke oprettet: ret felterne herunder.", body.GetProperty("title").GetString());
        Assert.Equal("Ukendt spørgeskema »nej«.", errors.GetProperty("instrument")[0].GetString());
        Assert.Equal("Ukendt adresse »torvet« i dette jobcenter.", errors.GetProperty("site")[0].GetString());
        Assert.Equal("En invitation gælder fra 1 til 60 dage.", errors.GetProperty("validDays")[0].GetString());
        var english = await (await analyst.PostAsJsonAsync("/api/v1/invitations?culture=en", new { instrument = "nej", jobCentre = "jc-nord", meetingType = "X" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The invitation was not created: fix the fields listed.", english.GetProperty("title").GetString());
        Assert.Equal("Unknown instrument 'nej'.", english.GetProperty("errors").GetProperty("instrument")[0].GetString());
        Assert.StartsWith("Unknown meeting type: use one of ", english.GetProperty("errors").GetProperty("meetingType")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsJsonAsync("/api/v1/invitations", new { instrument = "smiley", jobCentre = "jc-nord" })).StatusCode);
    }
}
