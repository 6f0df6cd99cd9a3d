using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Borgerpuls.Tests.Security;

/// <summary>Accounts, tokens and rate limits against someone who knows the product: a demoted or locked colleague, a script
/// holding a read-only token, a guesser at the sign-in page, a client inventing device keys, a forged cross-site request.</summary>
public sealed class InsiderAbuseTests
{
    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> app, string email, string password = StaffLogin.Password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await client.PostAsync("/login", await StaffLogin.FormAsync(client, "/login", new() { ["email"] = email, ["password"] = password }));
        return client;
    }

    [Fact]
    public async Task A_demoted_analyst_loses_respondent_level_export_on_the_very_next_request()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var email = await app.CreateUserAsync(Roles.Analyst);
        var analyst = await SignInAsync(app, email);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/api/v1/export/responses?instrument=smiley")).StatusCode);

        var admin = await app.SignedInClientAsync(Roles.Admin);
        var userId = await StaffLogin.UserIdAsync(database, email);
        var demoted = await admin.PostAsync("/admin/users?handler=Role", await StaffLogin.FormAsync(admin, "/admin/users", new()
        {
            ["id"] = userId, ["role"] = Roles.Committee, ["jobCentres"] = "",
        }));
        Assert.Equal(HttpStatusCode.Redirect, demoted.StatusCode);

        var after = await analyst.GetAsync("/api/v1/export/responses?instrument=smiley");
        Assert.True(after.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"still {after.StatusCode}");
    }

    [Fact]
    public async Task Lock_on_the_users_page_locks_signs_the_user_out_and_switches_off_their_tokens()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var email = await app.CreateUserAsync(Roles.Manager, "jc-nord");
        var manager = await SignInAsync(app, email);
        var token = await TokenForAsync(database, email, "results:read");
        var script = app.CreateClient(new() { AllowAutoRedirect = false });
        script.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/v1/results?instrument=smiley")).StatusCode);

        // The form exactly as the page renders it: the user's own lock form, posting to the lock handler.
        var admin = await app.SignedInClientAsync(Roles.Admin);
        var page = await admin.GetStringAsync("/admin/users");
        var userId = await StaffLogin.UserIdAsync(database, email);
        var form = Regex.Match(page, $"<form method=\"post\" class=\"inline\" action=\"(/admin/users\\?handler=Lock)\">\\s*<input type=\"hidden\" name=\"id\" value=\"{userId}\" />\\s*<button type=\"submit\" aria-label=\"Lås {Regex.Escape(email)}\">Lås</button>");
        Assert.True(form.Success, "lock form not found");
        await admin.PostAsync(form.Groups[1].Value, await StaffLogin.FormAsync(admin, "/admin/users", new() { ["id"] = userId }));

        Assert.Equal(HttpStatusCode.Unauthorized, (await manager.GetAsync("/api/v1/results?instrument=smiley")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/v1/results?instrument=smiley")).StatusCode);
        await using var db = database.Open();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "user.lock"));
    }

    [Fact]
    public async Task A_token_cannot_mint_or_revoke_tokens()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var email = await app.CreateUserAsync(Roles.Analyst);
        var token = await TokenForAsync(database, email, "results:read");
        var script = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        script.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var page = await script.GetAsync("/account/tokens");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/login", page.Headers.Location!.OriginalString);
        var minted = await script.PostAsync("/account/tokens?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "evig", ["scopes"] = "analyst", ["days"] = "365",
        }));
        Assert.NotEqual(HttpStatusCode.OK, minted.StatusCode);
        await using var db = database.Open();
        Assert.Equal(1, await db.AccessTokens.CountAsync());
    }

    [Fact]
    public async Task Failed_sign_ins_neither_switch_off_api_tokens_nor_tell_which_accounts_exist()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var email = await app.CreateUserAsync(Roles.Manager, "jc-nord");
        var token = await TokenForAsync(database, email, "results:read");
        var guesser = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        async Task<string> TryAsync(string who) =>
            await (await guesser.PostAsync("/login", await StaffLogin.FormAsync(guesser, "/login", new() { ["email"] = who, ["password"] = "forkert-adgangskode-1" }))).Content.ReadAsStringAsync();
        string existing = "", unknown = "";
        for (var i = 0; i < 6; i++)
        {
            existing = Message(await TryAsync(email));
            unknown = Message(await TryAsync("findes-ikke@kommune.dk"));
        }

        Assert.Equal(unknown, existing);
        Assert.NotEmpty(existing);
        var script = app.CreateClient(new() { AllowAutoRedirect = false });
        script.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/v1/results?instrument=smiley")).StatusCode);
        // The lockout itself still stops the guessing of this account's password.
        Assert.Equal(HttpStatusCode.OK, (await guesser.PostAsync("/login", await StaffLogin.FormAsync(guesser, "/login", new() { ["email"] = email, ["password"] = StaffLogin.Password }))).StatusCode);

        static string Message(string html) => Regex.Match(html, "<p class=\"error\"[^>]*>([^<]*)</p>").Groups[1].Value;
    }

    [Fact]
    public async Task The_setup_link_posted_eight_times_at_once_creates_one_administrator()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new BorgerpulsApp(database);
        using var warm = app.CreateClient();
        var token = await app.Services.GetRequiredService<SetupToken>().IssueAsync();
        // Eight people open the link, then all press "create" at the same moment.
        var ready = new List<(HttpClient Client, FormUrlEncodedContent Form)>();
        for (var i = 0; i < 8; i++)
        {
            var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
            ready.Add((client, await StaffLogin.FormAsync(client, $"/setup?token={token}", new() { ["token"] = token, ["email"] = $"admin{i}@kommune.dk", ["password"] = StaffLogin.Password })));
        }
        var posts = ready.Select(r => r.Client.PostAsync("/setup", r.Form)).ToList();
        var answers = await Task.WhenAll(posts);

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        await using var db = database.Open();
        Assert.Equal(1, await db.Users.CountAsync());
    }

    [Fact]
    public async Task Made_up_device_keys_share_the_clients_rate_limit_instead_of_getting_one_each()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        await using var app = new BorgerpulsApp(database);
        await using var limited = app.WithWebHostBuilder(b => b.UseSetting("RateLimits:CitizenPerMinute", "5"));
        var kiosk = await Devices.AddAsync(database, "sjaellandsgade", "smiley");
        var client = limited.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/responses") { Content = JsonContent.Create(new { id = Guid.NewGuid() }) };
            request.Headers.TryAddWithoutValidation("Authorization", "Device " + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"));
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);

        // A verified kiosk keeps its own quota.
        using var real = new HttpRequestMessage(HttpMethod.Post, "/api/v1/responses")
        {
            Content = JsonContent.Create(new { id = Guid.NewGuid(), instrument = "smiley", answeredAt = DateTimeOffset.UtcNow, answers = new { besoeg = "4" } }),
        };
        real.Headers.TryAddWithoutValidation("Authorization", "Device " + kiosk);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(real)).StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_per_address()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new BorgerpulsApp(database);
        await using var limited = app.WithWebHostBuilder(b => b.UseSetting("RateLimits:SignInPerMinute", "3"));
        var client = limited.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.PostAsync("/login", await StaffLogin.FormAsync(client, "/login", new() { ["email"] = $"x{i}@kommune.dk", ["password"] = "forkert-adgangskode-1" }))).StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/login")).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_session_changes_nothing_through_the_api_without_the_antiforgery_token()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        await Responses.WriteAsync(database, [new Responses.Spec("borgeroplevelse-5", new() { ["hoert"] = "4" }) { Comment = "Lang ventetid" }]);
        Guid commentId;
        await using (var db = database.Open())
        {
            commentId = await db.Comments.Select(c => c.PublicId).SingleAsync();
        }
        var forged = await app.SignedInClientAsync(Roles.Analyst, antiforgery: false);

        var hide = await forged.PostAsync($"/api/v1/comments/{commentId}/hide", null);
        Assert.Equal(HttpStatusCode.BadRequest, hide.StatusCode);
        Assert.Contains("__RequestVerificationToken", await hide.Content.ReadAsStringAsync());
        var invite = await forged.PostAsJsonAsync("/api/v1/invitations", new { instrument = "borgeroplevelse-5", jobCentre = "jc-nord" });
        Assert.Equal(HttpStatusCode.BadRequest, invite.StatusCode);
        await using (var db = database.Open())
        {
            Assert.False(await db.Comments.Select(c => c.Hidden).SingleAsync());
            Assert.Equal(0, await db.Invitations.CountAsync());
        }

        var own = await app.SignedInClientAsync(Roles.Analyst);
        Assert.Equal(HttpStatusCode.NoContent, (await own.PostAsync($"/api/v1/comments/{commentId}/hide", null)).StatusCode);
        var script = await app.BearerClientAsync(database, Roles.Analyst, "staff");
        Assert.Equal(HttpStatusCode.Created, (await script.PostAsJsonAsync("/api/v1/invitations", new { instrument = "borgeroplevelse-5", jobCentre = "jc-nord" })).StatusCode);
    }

    [Fact]
    public async Task Invitations_take_only_known_meeting_types_units_of_their_own_centre_and_link_to_the_configured_address()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        await using var configured = app.WithWebHostBuilder(b => b.UseSetting("PublicUrl", "https://borgerpuls.aabaek.dk/"));
        var script = await ((BorgerpulsApp)app).BearerClientAsync(database, Roles.Analyst, "staff");
        var client = configured.CreateClient();
        client.DefaultRequestHeaders.Authorization = script.DefaultRequestHeaders.Authorization;

        var named = await client.PostAsJsonAsync("/api/v1/invitations", new { instrument = "borgeroplevelse-5", jobCentre = "jc-nord", meetingType = "Jens Hansen 010190-1234 tlf 12345678" });
        Assert.Equal(HttpStatusCode.BadRequest, named.StatusCode);
        Assert.Contains("meetingType", await named.Content.ReadAsStringAsync());
        // jobafklaring-team works at nordvej in jc-nord: not a unit of jc-centrum, with or without a site.
        var foreign = await client.PostAsJsonAsync("/api/v1/invitations", new { instrument = "borgeroplevelse-5", jobCentre = "jc-centrum", unit = "jobafklaring-team" });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("\"unit\"", await foreign.Content.ReadAsStringAsync());
        await using (var db = database.Open())
        {
            Assert.Equal(0, await db.Invitations.CountAsync());
        }

        using var spoofed = new HttpRequestMessage(HttpMethod.Post, "/api/v1/invitations")
        {
            Content = JsonContent.Create(new { instrument = "borgeroplevelse-5", jobCentre = "jc-nord", unit = "jobafklaring-team", meetingType = "opfoelgning" }),
        };
        spoofed.Headers.Host = "phishing.example";
        spoofed.Headers.Add("X-Forwarded-Proto", "http");
        spoofed.Headers.Add("X-Forwarded-Host", "phishing.example");
        var created = await client.SendAsync(spoofed);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var url = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        Assert.StartsWith("https://borgerpuls.aabaek.dk/i/", url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":"ID","instrument":"smiley","answeredAt":"NOW","answers":{"besoeg":"\ud800"}}""", "answers.besoeg")]
    [InlineData("""[{"id":"ID","instrument":"smiley","answeredAt":"NOW","answers":{"besoeg":"4","hvorfor":"a\udc00b"}}]""", "[0].answers.hvorfor")]
    [InlineData("""{"id":"ID","instrument":"smiley","answeredAt":"NOW","answers":{"besoeg":"BAD"}}""", "answers.besoeg")]
    public async Task Text_that_is_not_valid_unicode_is_refused_with_its_field_and_nothing_is_stored(string template, string field)
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var kiosk = await Devices.AddAsync(database, "sjaellandsgade", "smiley");
        var json = Encoding.UTF8.GetBytes(template.Replace("ID", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("NOW", DateTimeOffset.UtcNow.ToString("O"), StringComparison.Ordinal));
        // "BAD" becomes bytes that are not UTF-8 at all (a lone continuation byte and an overlong form).
        var body = Replace(json, "BAD"u8.ToArray(), [0x80, 0xC0, 0xAF]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/responses") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TryAddWithoutValidation("Authorization", "Device " + kiosk);

        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var fieldErrors), errors.ToString());
        await using var db = database.Open();
        Assert.Equal(0, await db.Responses.CountAsync());
    }

    private static byte[] Replace(byte[] source, byte[] find, byte[] with)
    {
        var at = source.AsSpan().IndexOf(find);
        return at < 0 ? source : [.. source[..at], .. with, .. source[(at + find.Length)..]];
    }

    private static async Task<string> TokenForAsync(TestDatabase database, string email, string scope)
    {
        var token = PersonalAccessToken.Prefix + Guid.NewGuid().ToString("N");
        await using var db = database.Open();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        db.AccessTokens.Add(new PersonalAccessToken
        {
            UserId = user.Id, Name = "script", TokenHash = SecretKeys.Hash(token), Scopes = [scope], CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddDays(30),
        });
        await db.SaveChangesAsync();
        return token;
    }
}
