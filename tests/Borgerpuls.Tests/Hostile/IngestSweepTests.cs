using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Borgerpuls.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Hostile;

/// <summary>Hostile bodies at the ingest API from a kiosk and a tablet: one press or a batch, valid ones mixed with broken ones,
/// cut-off JSON. Whatever comes, the answer is never a server error, a refused body stores nothing and names what is wrong,
/// and what is acknowledged is exactly what was stored.</summary>
public sealed class IngestSweepTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private BorgerpulsApp _app = null!;
    private HttpClient _kiosk = null!;
    private HttpClient _tablet = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.AddDemoOrganisationAsync();
        // A longer hunt (BORGERPULS_SWEEP_SCALE) sends more in a minute than a kiosk may: the limit is not what is swept.
        _app = new BorgerpulsApp(_database) { Settings = new() { ["RateLimits:CitizenPerMinute"] = "1000000" } };
        _kiosk = Client(await Devices.AddAsync(_database, "sjaellandsgade", "smiley"));
        _tablet = Client(await Devices.AddAsync(_database, "nordvej", "borgeroplevelse-5", "tablet"));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    private HttpClient Client(string key)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", key);
        return client;
    }

    private static JsonObject KioskPress() => new()
    {
        ["id"] = Guid.NewGuid(), ["instrument"] = "smiley", ["answeredAt"] = DateTimeOffset.Now,
        ["answers"] = new JsonObject { ["besoeg"] = "2", ["hvorfor"] = "ventetiden" },
        ["previousPressAt"] = DateTimeOffset.Now.AddMinutes(-3),
    };

    private static JsonObject TabletAnswer() => new()
    {
        ["id"] = Guid.NewGuid(), ["instrument"] = "borgeroplevelse-5", ["answeredAt"] = DateTimeOffset.Now,
        ["context"] = new JsonObject { ["targetGroup"] = "jobparat", ["meetingType"] = "samtale", ["language"] = "da" },
        ["answers"] = new JsonObject { ["hoert"] = "4", ["faelles"] = "5", ["kommentar"] = "Rart at blive hørt" },
    };

    /// <summary>A valid item (a new id each time) or one with one to three things broken in it.</summary>
    private static Gen<string> Item(bool kiosk)
    {
        var valid = Gen.Fresh(() => (kiosk ? KioskPress() : TabletAnswer()).ToJsonString());
        return Gen.Frequency((2, valid), (3, valid.SelectMany(JsonMutation.Of)));
    }

    /// <summary>One item, or a batch of one to four (sometimes with the same item twice).</summary>
    private static Gen<(bool Kiosk, string Body)> Bodies =>
        from kiosk in Gen.Elements(true, false)
        from size in Gen.Frequency((3, Gen.Constant(1)), (2, Gen.Choose(2, 4)))
        from items in Gen.ListOf(Item(kiosk), size)
        from asBatch in Gen.Elements(false, true)
        from repeatFirst in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        let all = repeatFirst ? [.. items, items[0]] : items.ToList()
        select (kiosk, asBatch || all.Count > 1 ? "[" + string.Join(",", all) + "]" : all[0]);

    [Fact]
    public void No_body_gets_a_server_error_a_refused_one_stores_nothing_and_every_acknowledged_one_is_stored_once()
    {
        var property = Prop.ForAll(Bodies.ToArbitrary(), body => Holds(body.Kiosk, body.Body).GetAwaiter().GetResult());
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(HostileValues.Cases(150)), property);
        // The cases reached both sides: stored answers and refused ones, so the rules behind the parser were exercised.
        Assert.True(_seen.GetValueOrDefault(200) + _seen.GetValueOrDefault(201) > 10 && _seen.GetValueOrDefault(400) > 10, string.Join(", ", _seen.Select(s => $"{s.Key}: {s.Value}")));
    }

    private readonly Dictionary<int, int> _seen = [];

    private async Task Holds(bool kiosk, string body)
    {
        var before = await CountAsync();
        using var response = await (kiosk ? _kiosk : _tablet).PostAsync("/api/v1/responses", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        var after = await CountAsync();
        var status = (int)response.StatusCode;
        _seen[status] = _seen.GetValueOrDefault(status) + 1;

        Assert.True(status < 500, $"{status} for {body}: {text}");
        if (status >= 400)
        {
            Assert.True(before == after, $"{status} but {after - before} stored for {body}");
            Assert.True(response.StatusCode != HttpStatusCode.TooManyRequests, "the sweep ran into the rate limit");
            // A specific reason: the problem names a field or says what is wrong, never an empty body.
            using var problem = JsonDocument.Parse(text);
            Assert.True(problem.RootElement.TryGetProperty("errors", out _) || problem.RootElement.TryGetProperty("detail", out _), text);
            return;
        }
        using var ack = JsonDocument.Parse(text);
        var acks = ack.RootElement.ValueKind == JsonValueKind.Object && ack.RootElement.TryGetProperty("results", out var list)
            ? list.EnumerateArray().ToList()
            : [ack.RootElement];
        var created = acks.Count(a => a.GetProperty("status").GetString() == "created");
        Assert.True(after - before == created, $"{created} acknowledged as created, {after - before} stored for {body}");
    }

    private async Task<int> CountAsync()
    {
        await using var db = _database.Open();
        return await db.Responses.CountAsync();
    }
}
