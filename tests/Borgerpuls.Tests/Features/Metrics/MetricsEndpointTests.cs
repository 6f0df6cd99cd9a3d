using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Borgerpuls.Tests.Infrastructure;

namespace Borgerpuls.Tests.Features.Metrics;

/// <summary><c>/metrics</c>: not served unless switched on; when on, Prometheus reads the responses stored, the queue, the commit
/// time, refused deliveries by device number, query and aggregate-load times — and no answer or key.</summary>
public sealed partial class MetricsEndpointTests
{
    [GeneratedRegex(@"^borgerpuls_ingest_responses(_total)?\{[^}]*\} (\d+)", RegexOptions.Multiline)]
    private static partial Regex StoredLine();

    [Fact]
    public async Task The_scrape_endpoint_is_off_by_default()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new BorgerpulsApp(database);

        // Like any address the app does not serve to the public: the sign-in page, and no figures.
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Switched_on_it_counts_stored_responses_refusals_by_device_and_query_times_without_any_content()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        var key = await Devices.AddAsync(database, "sjaellandsgade", "smiley");
        await using var app = new BorgerpulsApp(database) { Settings = { ["Metrics:Prometheus"] = "true" } };
        var kiosk = app.CreateClient();
        kiosk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", key);
        var scraper = app.CreateClient();
        var before = Stored(await scraper.GetStringAsync("/metrics"));

        for (var i = 0; i < 3; i++)
        {
            var press = await kiosk.PostAsJsonAsync("/api/v1/responses", new { id = Guid.NewGuid(), instrument = "smiley", answeredAt = DateTimeOffset.Now, answers = new { besoeg = "4" } });
            Assert.Equal(HttpStatusCode.Created, press.StatusCode);
        }
        var refused = await kiosk.PostAsJsonAsync("/api/v1/responses", new { id = Guid.NewGuid(), instrument = "smiley", answeredAt = DateTimeOffset.Now, answers = new { besoeg = "9" } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var analyst = await app.SignedInClientAsync(Borgerpuls.Security.Roles.Analyst);
        (await analyst.GetAsync("/api/v1/results?instrument=smiley")).EnsureSuccessStatusCode();

        // ASP.NET Core records a request's duration after its response has been sent, so the last one may not be in the very
        // first scrape: scrape again for up to five seconds.
        var text = "";
        for (var i = 0; i < 50 && !text.Contains("http_server_request_duration_seconds", StringComparison.Ordinal); i++)
        {
            if (i > 0) await Task.Delay(100);
            var scrape = await scraper.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
            text = await scrape.Content.ReadAsStringAsync();
        }
        // Meters are per process and tests run side by side: at least this test's three, counted as they were stored.
        Assert.True(Stored(text) - before >= 3, text);
        Assert.Contains("borgerpuls_ingest_commit_duration_seconds_bucket", text);
        Assert.Contains("borgerpuls_ingest_queue_depth", text);
        Assert.Matches(@"borgerpuls_device_refused(_total)?\{[^}]*device=""\d+""[^}]*\} [1-9]", text);
        Assert.Contains("borgerpuls_query_duration_seconds_count", text);
        Assert.Contains("borgerpuls_aggregates_load_duration_seconds_count", text);
        Assert.Contains("http_server_request_duration_seconds", text);
        Assert.DoesNotContain(key, text);
        Assert.DoesNotContain("besoeg", text);
    }

    private static long Stored(string scrape) => StoredLine().Matches(scrape).Sum(m => long.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
}
