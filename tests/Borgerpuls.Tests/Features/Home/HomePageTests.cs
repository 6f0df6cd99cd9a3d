using System.Net;
using System.Text.Json;
using Borgerpuls.Features.Configuration;
using Borgerpuls.Tests.Infrastructure;

namespace Borgerpuls.Tests.Features.Home;

public sealed class HomePageTests
{
    [Fact]
    public async Task Home_page_says_borgerpuls_and_shows_organisation_and_response_count_in_danish()
    {
        await using var database = await TestDatabase.CreateAsync();
        await CliRunner.RunAsync("demo-data", "--responses", "1234", "--db", database.Value);
        await using var app = new BorgerpulsApp(database);
        using var client = app.CreateClient();

        var html = await client.GetStringAsync("/");

        Assert.Contains("<h1>Borgerpuls</h1>", html);
        Assert.Contains("lang=\"da\"", html);
        Assert.Contains("Jobcenter Aabæk Nord", html);
        Assert.Contains("Sjællandsgade", html);
        Assert.Matches(@"data-testid=""response-count"">1\.234<", html);
        Assert.Contains("besvarelser er gemt", html);
        // The questionnaire's own name gives its number of questions, once ("(5 spørgsmål) (6 spørgsmål)" before).
        Assert.Contains("<li><code>borgeroplevelse-5</code> – Borgeroplevelse – exit poll (5 spørgsmål)</li>", html);
    }

    /// <summary>Browsers ask for /favicon.ico on every site; a 404 there was a console error on every page opened without the
    /// layout (the HTML report, a download).</summary>
    [Fact]
    public async Task The_site_has_an_icon_where_browsers_look_for_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new BorgerpulsApp(database);
        using var client = app.CreateClient();

        using var icon = await client.GetAsync("/favicon.ico");

        Assert.Equal(System.Net.HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/x-icon", icon.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, (await icon.Content.ReadAsByteArrayAsync())[..4]);
    }

    [Fact]
    public async Task English_is_one_request_away()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new BorgerpulsApp(database);
        using var client = app.CreateClient();

        var html = await client.GetStringAsync("/?culture=en");

        Assert.Contains("lang=\"en\"", html);
        Assert.Contains("responses are stored", html);
        Assert.Contains("No organisation has been configured yet", html);
    }

    [Fact]
    public async Task The_language_picker_posts_with_antiforgery_and_sets_a_cookie()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new BorgerpulsApp(database);
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var page = await client.GetStringAsync("/");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);

        var withoutToken = await client.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en" }));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);

        var response = await client.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en", ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.Contains("c%3Den", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_and_openapi_answer()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new BorgerpulsApp(database);
        using var client = app.CreateClient();

        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
        using var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        Assert.StartsWith("3.", openApi.RootElement.GetProperty("openapi").GetString());
    }

    [Fact]
    public async Task Unknown_api_path_is_problem_json_401_for_strangers_and_404_for_staff()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new BorgerpulsApp(database);
        using var stranger = app.CreateClient();
        stranger.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        var staff = await app.SignedInClientAsync(Borgerpuls.Security.Roles.Analyst);
        staff.DefaultRequestHeaders.Accept.ParseAdd("application/json");

        var anonymous = await stranger.GetAsync("/api/v1/findes-ikke");
        var signedIn = await staff.GetAsync("/api/v1/findes-ikke");

        // Strangers learn nothing about which routes exist.
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, signedIn.StatusCode);
        Assert.Equal("application/problem+json", signedIn.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task First_start_of_an_empty_embedded_database_seeds_demo_data()
    {
        if (TestDatabase.IsPostgres)
        {
            return; // Only the embedded database is seeded; a production PostgreSQL starts empty.
        }
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new BorgerpulsApp(database, seedDemo: true);
        using var client = app.CreateClient();

        var html = await client.GetStringAsync("/");

        Assert.Contains("Aabæk Kommune", html);
        Assert.Matches(@"data-testid=""response-count"">5\.000<", html);
        _ = Presets.Get();
    }
}
