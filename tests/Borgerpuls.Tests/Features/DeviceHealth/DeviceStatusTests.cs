using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.DeviceHealth;

/// <summary>Staff see at a glance, in words, which device is silent, failing, never seen or revoked — on /admin/devices and
/// from <c>device list</c>.</summary>
public sealed class DeviceStatusTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private BorgerpulsApp _app = null!;
    private readonly Dictionary<string, string> _keys = [];

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.AddDemoOrganisationAsync();
        // Device ids 1–6 in this order.
        foreach (var name in new[] { "ok", "failing", "silent", "never", "revoked", "delivering" })
        {
            _keys[name] = await Devices.AddAsync(_database, "sjaellandsgade", "smiley", name: "Kiosk " + name);
        }
        await using (var db = _database.Open())
        {
            (await db.Devices.SingleAsync(d => d.Id == 5)).RevokedAt = DateTime.UtcNow; // as device revoke 5 does
            await db.SaveChangesAsync();
        }
        _app = new BorgerpulsApp(_database);

        await HeartbeatAsync("ok", """{"queued":0,"oldestQueuedAt":null,"rejected":0,"deliveredToday":17,"lastError":null,"lastErrorAt":null}""");
        await HeartbeatAsync("failing", """{"queued":12,"oldestQueuedAt":"2026-03-02T07:05:00.000Z","rejected":2,"deliveredToday":3,"lastError":"Netværksfejl: server svarer ikke","lastErrorAt":"2026-03-02T07:06:00.000Z"}""");
        await HeartbeatAsync("silent", """{"queued":0,"oldestQueuedAt":null,"rejected":0,"deliveredToday":5,"lastError":null,"lastErrorAt":null}""");
        // The silent kiosk's last contact was eight days ago: more than 30 minutes of any week's opening hours. Its count
        // of deliveries was for that day, not today.
        await using (var db = _database.Open())
        {
            var silent = await db.Devices.SingleAsync(d => d.Id == 3);
            silent.LastContactAt = DateTime.UtcNow.AddDays(-8);
            silent.DeliveredOn = silent.DeliveredOn!.Value.AddDays(-8);
            await db.SaveChangesAsync();
        }
        // A fresh process: the contacts the heartbeats left in memory are gone, only the stored ones count.
        await _app.DisposeAsync();
        _app = new BorgerpulsApp(_database);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task HeartbeatAsync(string device, string json)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", _keys[device]);
        var response = await client.PostAsync("/api/v1/devices/heartbeat", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>The text of each cell of a device's row: #, name, state, channel, site, instrument, last contact, delivered
    /// today, queued, oldest queued, rejected, last error, actions.</summary>
    private static string[] Row(string html, int id)
    {
        var match = Regex.Match(html, $"<tr data-device=\"{id}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no row for device {id}");
        return Regex.Matches(match.Groups[1].Value, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline)
            .Select(m => Regex.Replace(Regex.Replace(System.Net.WebUtility.HtmlDecode(m.Groups[1].Value), "<[^>]+>", " "), "\\s+", " ").Trim()).ToArray();
    }

    [Fact]
    public async Task The_devices_page_shows_each_devices_state_in_words_and_what_it_reported()
    {
        // A kiosk that only delivers (no heartbeat yet) has been in contact all the same.
        var delivering = _app.CreateClient();
        delivering.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", _keys["delivering"]);
        var press = new { id = Guid.NewGuid(), instrument = "smiley", answeredAt = DateTimeOffset.Now, answers = new Dictionary<string, string> { ["besoeg"] = "4" } };
        Assert.Equal(System.Net.HttpStatusCode.Created, (await delivering.PostAsJsonAsync("/api/v1/responses", press)).StatusCode);

        var admin = await _app.SignedInClientAsync(Roles.Admin);
        var html = await admin.GetStringAsync("/admin/devices");

        Assert.Contains("Kræver opmærksomhed: 1 tavse og 1 fejlende enheder.", html, StringComparison.Ordinal);
        var ok = Row(html, 1);
        Assert.Equal(["OK", "17", "0", "–", "0", "–"], [ok[2], ok[7], ok[8], ok[9], ok[10], ok[11]]);
        await using (var db = _database.Open())
        {
            var contact = new DateTimeOffset(DateTime.SpecifyKind((await db.Devices.SingleAsync(d => d.Id == 1)).LastContactAt!.Value, DateTimeKind.Utc));
            var local = TimeZoneInfo.ConvertTime(contact, TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen"));
            Assert.EndsWith(local.ToString("HH:mm", CultureInfo.InvariantCulture), ok[6], StringComparison.Ordinal);
        }
        var failing = Row(html, 2);
        Assert.StartsWith("⚠ Fejler", failing[2], StringComparison.Ordinal);
        Assert.Equal(["3", "12", "2"], [failing[7], failing[8], failing[10]]);
        Assert.EndsWith("08:05", failing[9], StringComparison.Ordinal); // the oldest queued answer, in Danish time (UTC+1 in March)
        Assert.StartsWith("Netværksfejl: server svarer ikke", failing[11], StringComparison.Ordinal);
        var silent = Row(html, 3);
        Assert.StartsWith("⚠ Tavs", silent[2], StringComparison.Ordinal);
        Assert.Contains("ingen kontakt i mere end 30 minutter", silent[2], StringComparison.Ordinal);
        Assert.Equal("0", silent[7]); // its deliveries were counted on another day
        var never = Row(html, 4);
        Assert.Equal(["Aldrig set", "aldrig"], [never[2], never[6]]);
        Assert.Equal("Spærret", Row(html, 5)[2]);
        Assert.Equal("OK", Row(html, 6)[2]);

        var english = await admin.GetStringAsync("/admin/devices?culture=en");
        Assert.Contains("Needs attention: 1 silent and 1 failing devices.", english, StringComparison.Ordinal);
        Assert.StartsWith("⚠ Silent", Row(english, 3)[2], StringComparison.Ordinal);
        Assert.Equal(["Never seen", "never"], [Row(english, 4)[2], Row(english, 4)[6]]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Device_list_prints_the_same_states(bool dbFirst)
    {
        string[] args = dbFirst ? ["--db", _database.Value, "device", "list"] : ["device", "list", "--db", _database.Value];

        var list = await CliRunner.RunAsync(args);
        var english = await CliRunner.RunAsync([.. args, "--culture", "en"]);

        Assert.True(list.ExitCode == 0, list.Error);
        var lines = list.Output.Trim().Split('\n').Select(l => l.TrimEnd('\r').Split('\t')).ToList();
        Assert.Equal(["#", "Navn", "Tilstand"], lines[0][..3]);
        Assert.Equal(7, lines.Count);
        Assert.Equal(["1", "Kiosk ok", "OK"], lines[1][..3]);
        Assert.Equal("17", lines[1][7]);
        Assert.Equal(["2", "Kiosk failing", "!! Fejler"], lines[2][..3]);
        Assert.Equal(["12", "2", "Netværksfejl: server svarer ikke"], [lines[2][8], lines[2][10], lines[2][11]]);
        Assert.Equal("!! Tavs", lines[3][2]);
        Assert.Equal(["Aldrig set", "aldrig"], [lines[4][2], lines[4][6]]);
        Assert.Equal("Spærret", lines[5][2]);
        // The command line sees only stored contacts: a kiosk that has not sent a heartbeat is never seen there.
        Assert.Equal("Aldrig set", lines[6][2]);
        Assert.True(english.ExitCode == 0, english.Error);
        Assert.Contains("!! Silent", english.Output, StringComparison.Ordinal);
        Assert.Contains("!! Failing", english.Output, StringComparison.Ordinal);
        var wrong = await CliRunner.RunAsync([.. args, "--culture", "xx"]);
        Assert.NotEqual(0, wrong.ExitCode);
        Assert.Contains("Ukendt sprog »xx«; brug da eller en.", wrong.Error, StringComparison.Ordinal);
    }
}
