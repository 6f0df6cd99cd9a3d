using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.DeviceHealth;

/// <summary><c>GET /api/v1/devices/self</c> and <c>POST /api/v1/devices/heartbeat</c>: a device learns whether its key works,
/// and tells the server how it is doing; anything wrong is refused clearly and writes nothing.</summary>
public sealed class DeviceEndpointTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private BorgerpulsApp _app = null!;
    private string _kioskKey = null!;
    private string _tabletKey = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.AddDemoOrganisationAsync();
        _kioskKey = await Devices.AddAsync(_database, "sjaellandsgade", "smiley");
        _tabletKey = await Devices.AddAsync(_database, "sjaellandsgade", "borgeroplevelse-5", "tablet", unit: "ung-team");
        _app = new BorgerpulsApp(_database);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    private HttpClient Client(string? key)
    {
        var client = _app.CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", key);
        return client;
    }

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    private const string GoodHeartbeat = """{"queued":3,"oldestQueuedAt":"2026-01-05T08:15:30.123Z","rejected":1,"deliveredToday":42,"lastError":"HTTP 503","lastErrorAt":"2026-01-05T08:16:00.000Z"}""";

    [Fact]
    public async Task A_kiosk_and_a_tablet_learn_who_they_are()
    {
        var kiosk = await Client(_kioskKey).GetFromJsonAsync<JsonElement>("/api/v1/devices/self");
        var tablet = await Client(_tabletKey).GetFromJsonAsync<JsonElement>("/api/v1/devices/self");

        Assert.Equal("Test kiosk", kiosk.GetProperty("name").GetString());
        Assert.Equal("kiosk", kiosk.GetProperty("channel").GetString());
        Assert.Equal("smiley", kiosk.GetProperty("instrument").GetString());
        Assert.Equal("sjaellandsgade", kiosk.GetProperty("site").GetString());
        Assert.Equal("Sjællandsgade", kiosk.GetProperty("siteName").GetString());
        Assert.Equal(JsonValueKind.Null, kiosk.GetProperty("unit").ValueKind);
        Assert.Equal("jc-centrum", kiosk.GetProperty("jobcentre").GetString());
        Assert.Equal("Jobcenter Aabæk Centrum", kiosk.GetProperty("jobcentreName").GetString());
        Assert.Equal("tablet", tablet.GetProperty("channel").GetString());
        Assert.Equal("ung-team", tablet.GetProperty("unit").GetString());
        await using var db = _database.Open();
        Assert.All(await db.Devices.ToListAsync(), d => Assert.NotNull(d.LastContactAt));
    }

    public static TheoryData<string?, string, string> Refusals => new()
    {
        { null, "Send enhedens nøgle", "Send the device key" },
        { "short", "ikke den rigtige form", "malformed" },
        { "not-a-real-device-key-0123456789", "kendes ikke", "Unknown device key" },
        { "REVOKED", "spærret", "revoked" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_missing_malformed_unknown_or_revoked_key_is_refused_saying_which_and_nothing_is_written(string? key, string danish, string english)
    {
        if (key == "REVOKED")
        {
            Assert.Equal(0, (await CliRunner.RunAsync("device", "revoke", "1", "--db", _database.Value)).ExitCode);
            key = _kioskKey;
        }
        foreach (var (culture, expected) in new[] { ("", danish), ("?culture=en", english) })
        {
            var self = await Client(key).GetAsync("/api/v1/devices/self" + culture);
            var heartbeat = await Client(key).PostAsync("/api/v1/devices/heartbeat" + culture, Body(GoodHeartbeat));
            var declines = await Client(key).PostAsync("/api/v1/declines" + culture, Body(Decline));
            var responses = new List<HttpResponseMessage> { self, heartbeat, declines };
            if (key is not null)
            {
                // Responses also take invitations and web campaigns, so only a sent device key is refused as a device key.
                responses.Add(await Client(key).PostAsync("/api/v1/responses" + culture, Body(KioskPress)));
            }
            foreach (var response in responses)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
                Assert.Contains(expected, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
            }
        }
        await using var db = _database.Open();
        Assert.All(await db.Devices.ToListAsync(), d => Assert.True(d.LastContactAt is null && d.LastQueued is null && d.LastError is null));
        Assert.Equal(0, await db.DeclinedHandOvers.CountAsync());
        Assert.Equal(0, await db.Responses.CountAsync());
    }

    private static string Decline => $$"""{"id":"{{Guid.NewGuid()}}"}""";

    private static string KioskPress => $$$"""{"id":"{{{Guid.NewGuid()}}}","instrument":"smiley","answeredAt":"{{{DateTimeOffset.UtcNow:O}}}","answers":{"besoeg":"4"}}""";

    [Fact]
    public async Task A_staff_session_or_token_does_not_open_a_device_endpoint()
    {
        var manager = await _app.SignedInClientAsync(Borgerpuls.Security.Roles.Manager, "jc-centrum");
        var analystToken = await _app.BearerClientAsync(_database, Borgerpuls.Security.Roles.Analyst, "aggregates");
        foreach (var client in new[] { manager, analystToken })
        {
            var self = await client.GetAsync("/api/v1/devices/self?culture=en");
            var heartbeat = await client.PostAsync("/api/v1/devices/heartbeat?culture=en", Body(GoodHeartbeat));
            var declines = await client.PostAsync("/api/v1/declines?culture=en", Body(Decline));
            foreach (var response in new[] { self, heartbeat, declines })
            {
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
                Assert.Contains("Send the device key", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
            }
        }
        await using var db = _database.Open();
        Assert.Equal(0, await db.DeclinedHandOvers.CountAsync());
    }

    [Fact]
    public async Task Every_device_endpoint_accepts_a_valid_key_and_a_kiosk_cannot_record_declines()
    {
        var self = await Client(_tabletKey).GetAsync("/api/v1/devices/self");
        var heartbeat = await Client(_tabletKey).PostAsync("/api/v1/devices/heartbeat", Body(GoodHeartbeat));
        var declines = await Client(_tabletKey).PostAsync("/api/v1/declines", Body(Decline));
        var press = await Client(_kioskKey).PostAsync("/api/v1/responses", Body(KioskPress));
        var kioskDecline = await Client(_kioskKey).PostAsync("/api/v1/declines", Body(Decline));

        Assert.Equal(HttpStatusCode.OK, self.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, heartbeat.StatusCode);
        Assert.Equal(HttpStatusCode.Created, declines.StatusCode);
        Assert.Equal(HttpStatusCode.Created, press.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, kioskDecline.StatusCode);
        Assert.Equal("application/problem+json", kioskDecline.Content.Headers.ContentType!.MediaType);
        await using var db = _database.Open();
        var kiosk = await db.Devices.SingleAsync(d => d.Channel == Borgerpuls.Domain.Channel.Kiosk);
        Assert.Equal(1, await db.DeclinedHandOvers.CountAsync());
        var stored = await db.Responses.SingleAsync();
        Assert.Equal((Borgerpuls.Domain.Channel.Kiosk, kiosk.SiteId), (stored.Channel, stored.SiteId));
    }

    [Fact]
    public async Task A_heartbeat_is_stored_with_the_server_time_of_contact_and_a_retry_stores_the_same()
    {
        var before = DateTime.UtcNow.AddSeconds(-1);
        var first = await Client(_kioskKey).PostAsync("/api/v1/devices/heartbeat", Body(GoodHeartbeat));
        var retry = await Client(_kioskKey).PostAsync("/api/v1/devices/heartbeat", Body(GoodHeartbeat));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, retry.StatusCode);
        await using var db = _database.Open();
        var kiosk = await db.Devices.AsNoTracking().SingleAsync(d => d.Channel == Borgerpuls.Domain.Channel.Kiosk);
        Assert.InRange(kiosk.LastContactAt!.Value, before, DateTime.UtcNow.AddSeconds(1));
        Assert.Equal(3, kiosk.LastQueued);
        Assert.Equal(new DateTime(2026, 1, 5, 8, 15, 0, DateTimeKind.Utc), kiosk.OldestQueuedAt); // kept to the minute only
        Assert.Equal(1, kiosk.LastRejected);
        Assert.Equal(42, kiosk.DeliveredToday);
        Assert.NotNull(kiosk.DeliveredOn);
        Assert.Equal("HTTP 503", kiosk.LastError);
        Assert.Equal(new DateTime(2026, 1, 5, 8, 16, 0, DateTimeKind.Utc), kiosk.LastErrorAt);
        var tablet = await db.Devices.AsNoTracking().SingleAsync(d => d.Channel == Borgerpuls.Domain.Channel.Tablet);
        Assert.Null(tablet.LastContactAt);

        // Recovered: the next heartbeat clears the error and the queue.
        var recovered = await Client(_kioskKey).PostAsync("/api/v1/devices/heartbeat", Body("""{"queued":0,"oldestQueuedAt":null,"rejected":1,"deliveredToday":45,"lastError":null,"lastErrorAt":null}"""));
        Assert.Equal(HttpStatusCode.NoContent, recovered.StatusCode);
        await using var after = _database.Open();
        var now = await after.Devices.AsNoTracking().SingleAsync(d => d.Channel == Borgerpuls.Domain.Channel.Kiosk);
        Assert.Equal((0, (DateTime?)null, 45, (string?)null), (now.LastQueued!.Value, now.OldestQueuedAt, now.DeliveredToday!.Value, now.LastError));
    }

    [Theory]
    [InlineData("""{"queued":-1,"rejected":0,"deliveredToday":0}""", "queued", "0 or more")]
    [InlineData("""{"rejected":0,"deliveredToday":0}""", "queued", "0 or more")]
    [InlineData("""{"queued":1,"rejected":-3,"deliveredToday":0}""", "rejected", "0 or more")]
    [InlineData("""{"queued":1,"rejected":0}""", "deliveredToday", "0 or more")]
    [InlineData("""{"queued":"many","rejected":0,"deliveredToday":0}""", "queued", "cannot be read")]
    [InlineData("""{"queued":1.5,"rejected":0,"deliveredToday":0}""", "queued", "cannot be read")]
    [InlineData("""{"queued":1,"rejected":0,"deliveredToday":0,"oldestQueuedAt":"yesterday"}""", "oldestQueuedAt", "cannot be read")]
    [InlineData("""{"queued":1,"rejected":0,"deliveredToday":0,"oldestQueuedAt":"2099-01-01T00:00:00Z"}""", "oldestQueuedAt", "in the future")]
    [InlineData("""{"queued":1,"rejected":0,"deliveredToday":0,"lastError":"LONG"}""", "lastError", "At most 200 characters")]
    [InlineData("""{"queued":1,"rejected":0,"deliveredToday":0,"battery":80}""", "battery", "Unknown field")]
    [InlineData("""[{"queued":1,"rejected":0,"deliveredToday":0}]""", "$", "cannot be read")]
    [InlineData("""{"queued":1,""", "$", "cannot be read")]
    public async Task A_bad_heartbeat_gets_field_errors_and_nothing_is_written(string json, string field, string message)
    {
        var response = await Client(_kioskKey).PostAsync("/api/v1/devices/heartbeat?culture=en", Body(json.Replace("LONG", new string('x', 201), StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), errors.ToString());
        Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.Contains(message, StringComparison.Ordinal));
        await using var db = _database.Open();
        Assert.All(await db.Devices.ToListAsync(), d => Assert.True(d.LastContactAt is null && d.LastQueued is null && d.DeliveredToday is null));
    }

    [Fact]
    public async Task A_heartbeat_that_is_not_json_is_refused_and_nothing_is_written()
    {
        var response = await Client(_kioskKey).PostAsync("/api/v1/devices/heartbeat", new StringContent("queued=1", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await using var db = _database.Open();
        Assert.All(await db.Devices.ToListAsync(), d => Assert.Null(d.LastContactAt));
    }
}
