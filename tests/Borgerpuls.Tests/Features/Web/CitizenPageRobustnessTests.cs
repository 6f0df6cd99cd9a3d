using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Web;

/// <summary>What citizens' pages do with odd links, reloads and untouched choices: a friendly page instead of a server
/// error, post/redirect/get so a reload never posts twice, and no context filled in on the citizen's behalf.</summary>
public sealed class CitizenPageRobustnessTests
{
    [Theory]
    [InlineData("/i/%20")]
    [InlineData("/i/%20%20%09")]
    [InlineData("/s/%20")]
    [InlineData("/s/%09")]
    [InlineData("/i/%E2%80%8B")]
    [InlineData("/s/..%2F..%2Fetc")]
    public async Task A_blank_or_malformed_link_gets_the_friendly_not_found_page(string path)
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var citizen = app.CreateClient();

        var response = await citizen.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Vi kan ikke finde dette spørgeskema", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_page_that_does_not_exist_is_a_page_in_the_users_language_and_the_api_keeps_problem_json()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var staff = await app.SignedInClientAsync(Roles.Manager, "jc-nord");

        var missing = await staff.GetAsync("/findes-ikke");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("text/html", missing.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Siden findes ikke", await missing.Content.ReadAsStringAsync());
        Assert.Contains("Page not found", await (await staff.GetAsync("/findes-ikke?culture=en")).Content.ReadAsStringAsync());

        // A citizen's blank link in Ukrainian.
        var citizen = app.CreateClient();
        var ukrainian = await citizen.GetAsync("/s/%20?culture=uk");
        Assert.Equal(HttpStatusCode.NotFound, ukrainian.StatusCode);
        Assert.Contains("lang=\"uk\"", await ukrainian.Content.ReadAsStringAsync());

        var api = await citizen.PostAsJsonAsync("/api/v1/responses", new { id = Guid.NewGuid() });
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_web_questionnaire_redirects_after_a_stored_answer_so_reload_and_back_post_nothing()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var citizen = app.CreateClient(new() { HandleCookies = true, AllowAutoRedirect = false });

        var page = await citizen.GetStringAsync("/s/brugerundersoegelse");
        var id = DemoOrganisation.ResponseId(page);
        var fields = new Dictionary<string, string> { ["id"] = id, ["jobcentre"] = "jc-syd", ["a.samlet"] = "4" };
        var posted = await citizen.PostAsync("/s/brugerundersoegelse", await StaffLogin.FormAsync(citizen, "/s/brugerundersoegelse", fields));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var thanks = posted.Headers.Location!.OriginalString;
        Assert.Equal("/s/brugerundersoegelse?sent=1", thanks);
        var shown = await citizen.GetAsync(thanks);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        var html = await shown.Content.ReadAsStringAsync();
        Assert.Contains("Dine svar er gemt", html);
        Assert.DoesNotContain("<form method=\"post\" class=\"questionnaire\"", html);

        // The same form posted again (the browser's "resend" after Back) is recognised and also redirected, not stored twice.
        var again = await citizen.PostAsync("/s/brugerundersoegelse", await StaffLogin.FormAsync(citizen, "/s/brugerundersoegelse", fields));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

        // A citizen who came by a link in Ukrainian gets the thanks in Ukrainian.
        var ukrainian = await citizen.GetStringAsync("/s/brugerundersoegelse?culture=uk");
        var uk = new Dictionary<string, string> { ["id"] = DemoOrganisation.ResponseId(ukrainian), ["jobcentre"] = "jc-syd", ["a.samlet"] = "5" };
        var sent = await citizen.PostAsync("/s/brugerundersoegelse?culture=uk", await StaffLogin.FormAsync(citizen, "/s/brugerundersoegelse?culture=uk", uk));
        Assert.Equal("/s/brugerundersoegelse?sent=1&culture=uk", sent.Headers.Location!.OriginalString);
        Assert.Contains("Ваші відповіді збережено", await citizen.GetStringAsync(sent.Headers.Location.OriginalString));
        await using var db = database.Open();
        Assert.Equal(2, await db.Responses.CountAsync());
    }

    [Fact]
    public async Task The_invitation_page_redirects_after_a_stored_answer_and_the_thanks_survive_a_reload()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var manager = await app.SignedInClientAsync(Roles.Manager, "jc-nord");
        var created = await manager.PostAsJsonAsync("/api/v1/invitations", new { instrument = "borgeroplevelse-5", jobCentre = "jc-nord", site = "nordvej", targetGroup = "jobparat" });
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        var citizen = app.CreateClient(new() { HandleCookies = true, AllowAutoRedirect = false });

        // Before answering, "?sent=1" does not pretend anything was stored.
        Assert.Contains("name=\"a.hoert\"", await citizen.GetStringAsync($"/i/{token}?sent=true"));
        var page = await citizen.GetStringAsync($"/i/{token}");
        var id = DemoOrganisation.ResponseId(page);
        var posted = await citizen.PostAsync($"/i/{token}", await StaffLogin.FormAsync(citizen, $"/i/{token}", new() { ["id"] = id, ["a.hoert"] = "5" }));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var thanks = posted.Headers.Location!.OriginalString;
        Assert.Equal($"/i/{token}?sent=True", thanks);
        for (var reload = 0; reload < 2; reload++)
        {
            var shown = await citizen.GetAsync(thanks);
            Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
            Assert.Contains("Dine svar er gemt", await shown.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.Gone, (await citizen.GetAsync($"/i/{token}")).StatusCode);
        await using var db = database.Open();
        Assert.Equal(1, await db.Responses.CountAsync());
    }

    [Fact]
    public async Task No_job_centre_is_preselected_and_an_untouched_choice_files_nothing()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var citizen = app.CreateClient(new() { HandleCookies = true });

        var page = await citizen.GetStringAsync("/s/brugerundersoegelse");
        Assert.Matches("<select id=\"jobcentre\" name=\"jobcentre\" required>\\s*<option value=\"\" selected>Vælg dit jobcenter</option>", page);
        var id = DemoOrganisation.ResponseId(page);
        var posted = await citizen.PostAsync("/s/brugerundersoegelse", await StaffLogin.FormAsync(citizen, "/s/brugerundersoegelse", new()
        {
            ["id"] = id, ["jobcentre"] = "", ["a.samlet"] = "4",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        await using var db = database.Open();
        Assert.Equal(0, await db.Responses.CountAsync());
    }
}
