using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Borgerpuls.Domain;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Ingest;

public sealed class SubmitResponseTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private BorgerpulsApp _app = null!;
    private string _kioskKey = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.AddDemoOrganisationAsync();
        _kioskKey = await Devices.AddAsync(_database, "sjaellandsgade", "smiley");
        _app = new BorgerpulsApp(_database);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    private HttpClient Kiosk(string? key = null)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", key ?? _kioskKey);
        return client;
    }

    private static Dictionary<string, object> Press(Guid id, string face = "4", DateTimeOffset? at = null, string? why = null, DateTimeOffset? previous = null)
    {
        var press = new Dictionary<string, object>
        {
            ["id"] = id, ["instrument"] = "smiley", ["answeredAt"] = at ?? DateTimeOffset.Now,
            ["answers"] = why is null ? new Dictionary<string, string> { ["besoeg"] = face } : new Dictionary<string, string> { ["besoeg"] = face, ["hvorfor"] = why },
        };
        if (previous is not null) press["previousPressAt"] = previous;
        return press;
    }

    [Fact]
    public async Task A_kiosk_press_is_stored_once_with_the_devices_context_and_only_the_hour()
    {
        var id = Guid.NewGuid();
        var at = new DateTimeOffset(DateTime.UtcNow.Year, DateTime.UtcNow.Month, DateTime.UtcNow.Day, 0, 0, 0, TimeSpan.FromHours(1)).AddMinutes(-17).AddSeconds(-3);
        var client = Kiosk();

        var first = await client.PostAsJsonAsync("/api/v1/responses", Press(id, "2", at, "ventetiden"));
        var retry = await client.PostAsJsonAsync("/api/v1/responses", Press(id, "2", at, "ventetiden"));
        var conflict = await client.PostAsJsonAsync("/api/v1/responses", Press(id, "4", at));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("created", (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("duplicate", (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        await using var db = _database.Open();
        var stored = await db.Responses.SingleAsync();
        Assert.Equal(id, stored.Id);
        Assert.Equal(Channel.Kiosk, stored.Channel);
        Assert.Equal(at.UtcDateTime.AddMinutes(-at.UtcDateTime.Minute).AddSeconds(-at.UtcDateTime.Second), stored.SubmittedHour);
        Assert.Equal(await db.Sites.Where(s => s.Key == "sjaellandsgade").Select(s => s.Id).SingleAsync(), stored.SiteId);
        Assert.Equal(["2"], stored.Answers["besoeg"]);
        Assert.Equal(["ventetiden"], stored.Answers["hvorfor"]);
    }

    [Theory]
    [InlineData("""{"id":"ID","instrument":"smiley","answeredAt":"NOW","answers":{"besoeg":"7"}}""", "answers.besoeg", "'7' is not an option of smiley4")]
    [InlineData("""{"id":"ID","instrument":"smiley","answeredAt":"NOW","answers":{"findes":"4"}}""", "answers.findes", "not a question of smiley")]
    [InlineData("""{"id":"ID","instrument":"smiley","answeredAt":"NOW","answers":{"hvorfor":"andet"}}""", "answers.besoeg", "must be answered")]
    [InlineData("""{"id":"ID","instrument":"vive-7","answeredAt":"NOW","answers":{"samtale":"5"}}""", "instrument", "collects 'smiley'")]
    [InlineData("""{"id":"6ba7b810-9dad-11d1-80b4-00c04fd430c8","instrument":"smiley","answeredAt":"NOW","answers":{"besoeg":"4"}}""", "id", "version 4")]
    [InlineData("""{"id":"ID","instrument":"smiley","answeredAt":"2019-01-01T10:00:00+01:00","answers":{"besoeg":"4"}}""", "answeredAt", "400 days")]
    [InlineData("""{"id":"ID","instrument":"smiley","answeredAt":"NOW","answers":{"besoeg":"4"},"context":{"unit":"ung-team"}}""", "context.unit", "cannot be set here")]
    public async Task Invalid_submissions_get_field_errors_and_nothing_is_written(string template, string field, string message)
    {
        var json = template.Replace("ID", Guid.NewGuid().ToString(), StringComparison.Ordinal).Replace("NOW", DateTimeOffset.Now.ToString("O"), StringComparison.Ordinal);

        var client = Kiosk();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await client.PostAsync("/api/v1/responses", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(messages, m => m!.Contains(message, StringComparison.Ordinal));
        await using var db = _database.Open();
        Assert.Equal(0, await db.Responses.CountAsync());
    }

    [Theory]
    [InlineData(null, null, "Spørgsmålet skal besvares.", "Svaret blev ikke gemt: ret de nævnte felter.")]
    [InlineData("da", null, "Spørgsmålet skal besvares.", "Svaret blev ikke gemt: ret de nævnte felter.")]
    [InlineData("en", null, "This question must be answered.", "The response was not stored: fix the fields listed.")]
    [InlineData("en-GB,da;q=0.5", null, "This question must be answered.", "The response was not stored: fix the fields listed.")]
    [InlineData(null, "en", "This question must be answered.", "The response was not stored: fix the fields listed.")]
    [InlineData("fr", null, "Spørgsmålet skal besvares.", "Svaret blev ikke gemt: ret de nævnte felter.")]
    public async Task Field_errors_keep_their_field_names_and_speak_danish_unless_english_is_asked_for(string? acceptLanguage, string? culture, string required, string title)
    {
        var client = Kiosk();
        if (acceptLanguage is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        var response = await client.PostAsJsonAsync("/api/v1/responses" + (culture is null ? "" : "?culture=" + culture),
            new { id = Guid.NewGuid(), instrument = "smiley", answeredAt = DateTimeOffset.Now, answers = new { hvorfor = "andet" }, context = new { unit = "ung-team" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal([required], problem.GetProperty("errors").GetProperty("answers.besoeg").EnumerateArray().Select(e => e.GetString()));
        var unit = problem.GetProperty("errors").GetProperty("context.unit")[0].GetString()!;
        Assert.Contains(unit, new[] { "Teamet kommer fra enheden eller invitationen og kan ikke angives her.", "The unit comes from the device or invitation and cannot be set here." });
        Assert.Equal(required.StartsWith("This", StringComparison.Ordinal), unit.StartsWith("The", StringComparison.Ordinal));
        await using var db = _database.Open();
        Assert.Equal(0, await db.Responses.CountAsync());
    }

    [Fact]
    public async Task Batch_errors_name_the_item_and_its_field_in_the_requests_language()
    {
        var client = Kiosk();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var good = Press(Guid.NewGuid());
        var bad = new { id = Guid.NewGuid(), instrument = "smiley", answeredAt = DateTimeOffset.Now, answers = new { besoeg = "9" } };

        var response = await client.PostAsJsonAsync("/api/v1/responses", new object[] { good, bad, good });

        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("'9' is not an option of smiley4 (expected one of: 4, 3, 2, 1).", errors.GetProperty("[1].answers.besoeg")[0].GetString());
        Assert.Equal("The same id appears more than once in the batch.", errors.GetProperty("id")[0].GetString());
        var danish = await Kiosk().PostAsJsonAsync("/api/v1/responses", new object[] { good, bad });
        Assert.Equal("'9' er ikke en svarmulighed til smiley4 (mulige: 4, 3, 2, 1).",
            (await danish.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("[1].answers.besoeg")[0].GetString());
        await using var db = _database.Open();
        Assert.Equal(0, await db.Responses.CountAsync());
    }

    [Theory]
    [InlineData("""{"id":"ID","instrument":"smiley","answeredAt":"NOW","answers":{"besoeg":"4"},"extra":1}""", "Ukendt felt 'extra' ved $", "Unknown property 'extra' at $")]
    [InlineData("""{"id":"ID","instrument":"smiley",""", "Ugyldig JSON ved", "Malformed JSON at")]
    [InlineData("""[]""", "En pakke rummer 1 til 1000 svar; denne har 0.", "A batch holds 1 to 1000 responses; this one has 0.")]
    [InlineData("""42""", "Send ét svar-objekt eller en liste af dem.", "Send one response object or an array of them.")]
    public async Task Malformed_bodies_are_refused_clearly_in_danish_or_english(string template, string danish, string english)
    {
        foreach (var (language, message) in new[] { ("da", danish), ("en", english) })
        {
            var json = template.Replace("ID", Guid.NewGuid().ToString(), StringComparison.Ordinal).Replace("NOW", DateTimeOffset.Now.ToString("O"), StringComparison.Ordinal);
            var client = Kiosk();
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
            var response = await client.PostAsync("/api/v1/responses", new StringContent(json, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Invalid_utf8_and_oversized_bodies_are_refused()
    {
        var json = """{"id":"ID","instrument":"smiley","answeredAt":"NOW","answers":{"besoeg":"4"}}""".Replace("ID", Guid.NewGuid().ToString(), StringComparison.Ordinal).Replace("NOW", DateTimeOffset.Now.ToString("O"), StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(json).ToList();
        bytes.InsertRange(30, new byte[] { 0xC3, 0x28 });
        var invalid = await Kiosk().PostAsync("/api/v1/responses", new ByteArrayContent([.. bytes]) { Headers = { ContentType = new("application/json") } });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);

        var huge = new string('x', 10 * 1024 * 1024);
        var big = await Kiosk().PostAsync("/api/v1/responses", new StringContent("{\"id\":\"" + Guid.NewGuid() + "\",\"answers\":{\"k\":\"" + huge + "\"}}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        await using var db = _database.Open();
        Assert.Equal(0, await db.Responses.CountAsync());
    }

    [Fact]
    public async Task Unknown_and_revoked_device_keys_are_refused()
    {
        var unknown = await Kiosk("not-a-real-device-key-0123456789").PostAsJsonAsync("/api/v1/responses", Press(Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        var anonymous = await _app.CreateClient().PostAsJsonAsync("/api/v1/responses", Press(Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var revoke = await CliRunner.RunAsync("device", "revoke", "1", "--db", _database.Value);
        Assert.Equal(0, revoke.ExitCode);
        var revoked = await Kiosk().PostAsJsonAsync("/api/v1/responses", Press(Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
    }

    [Fact]
    public async Task An_offline_batch_is_stored_exactly_once_and_repeat_presses_are_flagged_from_the_precise_times()
    {
        var start = DateTimeOffset.Now.AddMinutes(-30);
        // Seconds after start: 0, 2 (repeat), 10, 12 (repeat), 30, 34.9 (repeat), 60.
        var offsets = new[] { 0, 2, 10, 12, 30, 34.9, 60 };
        // Each press names the kiosk's previous one; the batch arrives newest first, as an unsorted backlog may.
        var presses = offsets.Select((o, i) => Press(Guid.NewGuid(), "3", start.AddSeconds(o), previous: i == 0 ? null : start.AddSeconds(offsets[i - 1]))).Reverse().ToList();

        var first = await Kiosk().PostAsJsonAsync("/api/v1/responses", presses);
        var again = await Kiosk().PostAsJsonAsync("/api/v1/responses", presses);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var acks = (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray().Select(a => a.GetProperty("status").GetString()).ToList();
        Assert.All(acks, s => Assert.Equal("duplicate", s));
        await using var db = _database.Open();
        Assert.Equal(7, await db.Responses.CountAsync());
        Assert.Equal(3, await db.Responses.CountAsync(r => r.QualityFlags == ResponseQuality.KioskRepeat));
    }

    [Fact]
    public async Task Concurrent_submissions_are_all_acknowledged_and_stored_once()
    {
        var ids = Enumerable.Range(0, 200).Select(_ => Guid.NewGuid()).ToList();
        var client = Kiosk();
        var at = DateTimeOffset.Now.AddHours(-1);

        var responses = await Task.WhenAll(ids.Select((id, i) => client.PostAsJsonAsync("/api/v1/responses", Press(id, "4", at.AddSeconds(i)))));
        var retries = await Task.WhenAll(ids.Take(50).Select((id, i) => client.PostAsJsonAsync("/api/v1/responses", Press(id, "4", at.AddSeconds(i)))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.All(retries, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await using var db = _database.Open();
        Assert.Equal(200, await db.Responses.CountAsync());
    }
}
