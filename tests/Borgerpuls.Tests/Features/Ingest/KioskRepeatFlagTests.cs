using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Borgerpuls.Domain;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Ingest;

/// <summary>Kiosk repeat flags are a function of the kiosk's press sequence alone: whatever the batching, order of arrival,
/// retries, concurrent copies or restarts, the stored flags equal the ones computed here from the press times.</summary>
public sealed class KioskRepeatFlagTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private BorgerpulsApp _app = null!;
    private string _kioskKey = null!;
    private TimeSpan _window;

    /// <summary>One press as the kiosk queues it, and the flag it must get, computed from the times alone.</summary>
    private sealed record Press(Guid Id, DateTimeOffset At, DateTimeOffset? PreviousAt, bool Repeat, string Face = "3");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.AddDemoOrganisationAsync();
        _kioskKey = await Devices.AddAsync(_database, "sjaellandsgade", "smiley");
        await using (var db = _database.Open())
        {
            _window = TimeSpan.FromSeconds(await db.Sites.Where(s => s.Key == "sjaellandsgade").Select(s => s.KioskRepeatWindowSeconds).SingleAsync());
        }
        Assert.True(_window > TimeSpan.Zero);
        _app = new BorgerpulsApp(_database);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>A kiosk's presses with gaps clustered around the repeat window: exactly 0, exactly the window, one
    /// millisecond either side, random gaps near it, clock corrections backwards, and now and then cleared storage.</summary>
    private List<Press> Sequence(Random random, int count)
    {
        var window = (int)_window.TotalMilliseconds;
        var at = DateTimeOffset.UnixEpoch.AddMilliseconds(Math.Floor((DateTimeOffset.UtcNow.AddHours(-random.Next(1, 24 * 30)) - DateTimeOffset.UnixEpoch).TotalMilliseconds));
        var presses = new List<Press>();
        DateTimeOffset? previous = null;
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                var gap = random.Next(10) switch
                {
                    0 => 0,
                    1 => window,
                    2 => window - 1,
                    3 => window + 1,
                    4 => -random.Next(1, 120_000),
                    _ => window + random.Next(-3_000, 3_000),
                };
                at = at.AddMilliseconds(gap);
            }
            if (random.Next(20) == 0) previous = null; // the kiosk's storage was cleared: it knows no previous press
            var gapFromPrevious = previous is { } p ? at - p : (TimeSpan?)null;
            presses.Add(new Press(Guid.NewGuid(), at, previous, gapFromPrevious >= TimeSpan.Zero && gapFromPrevious < _window, random.Next(1, 5).ToString(CultureInfo.InvariantCulture)));
            previous = at;
        }
        return presses;
    }

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static Dictionary<string, object> Json(Press p, string? face = null)
    {
        var json = new Dictionary<string, object>
        {
            ["id"] = p.Id, ["instrument"] = "smiley", ["answeredAt"] = Iso(p.At), ["answers"] = new Dictionary<string, string> { ["besoeg"] = face ?? p.Face },
        };
        if (p.PreviousAt is { } previous) json["previousPressAt"] = Iso(previous);
        return json;
    }

    private HttpClient Kiosk()
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", _kioskKey);
        return client;
    }

    private static async Task DeliverAsync(HttpClient client, IReadOnlyList<Press> batch)
    {
        var response = batch.Count == 1
            ? await client.PostAsJsonAsync("/api/v1/responses", Json(batch[0]))
            : await client.PostAsJsonAsync("/api/v1/responses", batch.Select(p => Json(p)).ToList());
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static List<List<Press>> RandomBatches(Random random, IEnumerable<Press> presses)
    {
        var shuffled = presses.OrderBy(_ => random.Next()).ToList();
        var batches = new List<List<Press>>();
        for (var i = 0; i < shuffled.Count;)
        {
            var size = random.Next(1, 6);
            batches.Add(shuffled.Skip(i).Take(size).ToList());
            i += size;
        }
        return batches;
    }

    private async Task AssertStoredFlagsAsync(IReadOnlyList<Press> presses, int seed, int trial)
    {
        var ids = presses.Select(p => p.Id).ToList();
        await using var db = _database.Open();
        var stored = await db.Responses.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.QualityFlags);
        Assert.Equal(presses.Count, stored.Count);
        foreach (var p in presses)
        {
            var expected = p.Repeat ? ResponseQuality.KioskRepeat : ResponseQuality.None;
            Assert.True(expected == stored[p.Id], $"seed {seed}, trial {trial}: press at {Iso(p.At)} after {(p.PreviousAt is { } x ? Iso(x) : "none")} stored {stored[p.Id]}, expected {expected}");
        }
    }

    [Fact]
    public async Task Presses_delivered_one_by_one_in_order_get_the_flags_of_their_times()
    {
        const int seed = 4101;
        var random = new Random(seed);
        var client = Kiosk();
        for (var trial = 0; trial < 12; trial++)
        {
            var presses = Sequence(random, 14);
            foreach (var p in presses) await DeliverAsync(client, [p]);
            await AssertStoredFlagsAsync(presses, seed, trial);
        }
    }

    [Fact]
    public async Task Presses_delivered_newest_first_get_the_same_flags()
    {
        const int seed = 4102;
        var random = new Random(seed);
        var client = Kiosk();
        for (var trial = 0; trial < 12; trial++)
        {
            var presses = Sequence(random, 14);
            var newestFirst = presses.AsEnumerable().Reverse().ToList();
            if (trial % 2 == 0) foreach (var p in newestFirst) await DeliverAsync(client, [p]);
            else await DeliverAsync(client, newestFirst);
            await AssertStoredFlagsAsync(presses, seed, trial);
        }
    }

    [Fact]
    public async Task Presses_shuffled_into_random_batches_get_the_same_flags()
    {
        const int seed = 4103;
        var random = new Random(seed);
        var client = Kiosk();
        for (var trial = 0; trial < 30; trial++)
        {
            var presses = Sequence(random, 16);
            foreach (var batch in RandomBatches(random, presses)) await DeliverAsync(client, batch);
            await AssertStoredFlagsAsync(presses, seed, trial);
        }
    }

    [Fact]
    public async Task The_whole_sequence_sent_twice_concurrently_is_stored_once_with_the_same_flags()
    {
        const int seed = 4104;
        var random = new Random(seed);
        for (var trial = 0; trial < 25; trial++)
        {
            var presses = Sequence(random, 16);
            var copies = RandomBatches(random, presses).Concat(RandomBatches(random, presses)).ToList();
            await Task.WhenAll(copies.Select(batch => DeliverAsync(Kiosk(), batch)));
            await AssertStoredFlagsAsync(presses, seed, trial);
        }
        await using var db = _database.Open();
        Assert.Equal(25 * 16, await db.Responses.CountAsync());
    }

    [Fact]
    public async Task After_a_refused_batch_and_a_retry_of_a_stored_one_the_flags_are_still_those_of_the_times()
    {
        const int seed = 4105;
        var random = new Random(seed);
        var client = Kiosk();
        for (var trial = 0; trial < 10; trial++)
        {
            var presses = Sequence(random, 12);
            var invalid = random.Next(presses.Count);

            // One invalid item refuses the whole batch, and nothing of it is written.
            var refused = await client.PostAsJsonAsync("/api/v1/responses", presses.Select((p, i) => Json(p, i == invalid ? "7" : null)).ToList());
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains($"[{invalid}].answers.besoeg", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
            await using (var db = _database.Open())
            {
                var ids = presses.Select(p => p.Id).ToList();
                Assert.Equal(0, await db.Responses.CountAsync(r => ids.Contains(r.Id)));
            }

            // The kiosk moves the refused press out of its queue and sends the rest; later presses still name it as their previous one.
            var delivered = presses.Where((_, i) => i != invalid).ToList();
            await DeliverAsync(client, delivered);
            // An answer lost on the way back: the kiosk sends the stored batch again.
            var retry = await client.PostAsJsonAsync("/api/v1/responses", delivered.Select(p => Json(p)).ToList());
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
            Assert.All((await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray(), a => Assert.Equal("duplicate", a.GetProperty("status").GetString()));
            await AssertStoredFlagsAsync(delivered, seed, trial);
        }
    }

    [Fact]
    public async Task A_server_restart_between_deliveries_changes_no_flag()
    {
        const int seed = 4106;
        var random = new Random(seed);
        for (var trial = 0; trial < 3; trial++)
        {
            var presses = Sequence(random, 16);
            var batches = RandomBatches(random, presses);
            var half = batches.Count / 2;
            foreach (var batch in batches.Take(half)) await DeliverAsync(Kiosk(), batch);

            await _app.DisposeAsync();
            _app = new BorgerpulsApp(_database);

            foreach (var batch in batches.Skip(half).Concat(batches.Take(1))) await DeliverAsync(Kiosk(), batch);
            await AssertStoredFlagsAsync(presses, seed, trial);
        }
    }

    [Fact]
    public async Task A_kiosk_that_does_not_send_its_previous_press_gets_no_repeat_flags()
    {
        var at = DateTimeOffset.UtcNow.AddHours(-2);
        var presses = Enumerable.Range(0, 5).Select(i => new Press(Guid.NewGuid(), at.AddSeconds(i), null, false)).ToList();

        await DeliverAsync(Kiosk(), presses);

        await AssertStoredFlagsAsync(presses, 0, 0);
    }

    [Fact]
    public async Task The_previous_press_is_refused_from_a_tablet_and_a_web_questionnaire_by_name()
    {
        var tabletKey = await Devices.AddAsync(_database, "sjaellandsgade", "smiley", "tablet");
        var tablet = _app.CreateClient();
        tablet.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", tabletKey);
        var now = DateTimeOffset.UtcNow;
        var press = new Press(Guid.NewGuid(), now.AddMinutes(-1), now.AddMinutes(-1).AddSeconds(-1), false);

        var fromTablet = await tablet.PostAsJsonAsync("/api/v1/responses", Json(press));
        var web = new Dictionary<string, object>
        {
            ["id"] = Guid.NewGuid(), ["instrument"] = "brugerundersoegelse-15", ["campaign"] = "brugerundersoegelse", ["answeredAt"] = Iso(now),
            ["previousPressAt"] = Iso(now.AddSeconds(-1)), ["context"] = new { jobcentre = "jc-centrum" }, ["answers"] = new Dictionary<string, string> { ["samlet"] = "4" },
        };
        var fromWeb = await _app.CreateClient().PostAsJsonAsync("/api/v1/responses", web);

        foreach (var response in new[] { fromTablet, fromWeb })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.True(errors.TryGetProperty("previousPressAt", out _), errors.ToString());
        }
        await using (var db = _database.Open())
        {
            Assert.Equal(0, await db.Responses.CountAsync());
        }
        // The field alone was the problem: without it the tablet's answer is stored.
        var accepted = await tablet.PostAsJsonAsync("/api/v1/responses", Json(press with { PreviousAt = null }));
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_previous_press()
    {
        using var openApi = JsonDocument.Parse(await _app.CreateClient().GetStringAsync("/openapi/v1.json"));
        var property = openApi.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("ResponseSubmission").GetProperty("properties").GetProperty("previousPressAt");
        Assert.Contains("repeat window", property.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_precise_press_times_are_not_stored()
    {
        var at = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-1).AddHours(10).AddMinutes(17).AddSeconds(3).AddMilliseconds(456), TimeSpan.Zero);
        var press = new Press(Guid.NewGuid(), at, at.AddSeconds(-2), true);

        await DeliverAsync(Kiosk(), [press]);

        await using var db = _database.Open();
        var stored = await db.Responses.AsNoTracking().SingleAsync();
        Assert.Equal(new DateTime(at.Year, at.Month, at.Day, 10, 0, 0, DateTimeKind.Utc), stored.SubmittedHour);
        Assert.Equal(ResponseQuality.KioskRepeat, stored.QualityFlags);
    }
}
