using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using static Borgerpuls.Tests.Infrastructure.Responses;

namespace Borgerpuls.Tests.Security;

/// <summary>The anonymity settings are read in one place and checked at start-up: a wrong value stops the server naming the
/// setting, and a configured k reaches every output that shows figures.</summary>
public sealed class AnonymitySettingsTests
{
    [Theory]
    [InlineData("Anonymity:K", "2", "Anonymity:K is 2; the anonymity threshold can never be below 3")]
    [InlineData("Anonymity:KComments", "4", "Anonymity:KComments is 4; it must be at least Anonymity:K (5)")]
    [InlineData("Anonymity:DifferencingWindowDays", "0", "Anonymity:DifferencingWindowDays is 0; it must be at least 1")]
    [InlineData("Anonymity:DifferencingMaxSets", "-1", "Anonymity:DifferencingMaxSets is -1; it must be at least 1")]
    public async Task An_invalid_setting_stops_start_up_naming_it(string key, string value, string expected)
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new BorgerpulsApp(database) { Settings = { [key] = value } };

        var error = Record.Exception(() => app.CreateClient());

        Assert.NotNull(error);
        var messages = string.Join(" | ", Chain(error));
        Assert.Contains(expected, messages, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException) yield return e.Message;
    }

    private static readonly DateTime October = new(2026, 10, 6, 9, 0, 0, DateTimeKind.Utc);

    private static Spec Answer(string group, string code) =>
        new("vive-7", new() { ["samtale"] = code }) { JobCentre = "jc-nord", Site = "nordvej", TargetGroup = group, Hour = October, Comment = "Fin samtale om job" };

    /// <summary>jc-nord in October: 20 job-ready and 6 in flex jobs — six is enough under k = 5 and too few under k = 7.</summary>
    private static async Task<TestDatabase> SeedAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        await WriteAsync(database, Repeat(20, Answer("jobparat", "5")).Concat(Repeat(6, Answer("fleksjob", "1"))));
        return database;
    }

    private const string Nord = "instrument=vive-7&where=jobcentre=jc-nord&from=2026-10-01&to=2026-10-31";

    [Fact]
    public async Task A_configured_k_of_7_hides_the_group_of_six_in_every_output_that_k_5_shows()
    {
        await using var database = await SeedAsync();
        await using var k5 = new BorgerpulsApp(database);
        await using var k7 = new BorgerpulsApp(database) { Settings = { ["Anonymity:K"] = "7" } };
        var servers = new[] { (K: 5, Client: await k5.SignedInClientAsync(Roles.Analyst)), (K: 7, Client: await k7.SignedInClientAsync(Roles.Analyst)) };

        foreach (var (k, client) in servers)
        {
            var hidden = k == 7;
            var results = await client.GetFromJsonAsync<JsonElement>($"/api/v1/results?{Nord}&by=targetGroup");
            var flex = results.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("key").GetProperty("targetGroup").GetString() == "fleksjob");
            Assert.Equal(hidden, flex.GetProperty("suppressed").GetBoolean());
            Assert.Equal(hidden ? JsonValueKind.Null : JsonValueKind.Number, flex.GetProperty("respondents").ValueKind);

            var map = await client.GetFromJsonAsync<JsonElement>($"/api/v1/priority-map?{Nord}&where=targetGroup=fleksjob");
            Assert.Equal(hidden, map.GetProperty("suppressed").GetBoolean());

            var compare = await client.GetFromJsonAsync<JsonElement>($"/api/v1/compare?{Nord}&by=targetGroup&a=fleksjob&b=jobparat");
            Assert.Equal(hidden, compare.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("key").GetString() == "samtale").GetProperty("suppressed").GetBoolean());

            var themes = await client.GetFromJsonAsync<JsonElement>($"/api/v1/comments/themes?{Nord}&where=targetGroup=fleksjob");
            Assert.Equal(hidden ? JsonValueKind.Null : JsonValueKind.Number, themes.GetProperty("respondents").ValueKind);

            var export = await client.GetStringAsync($"/api/v1/export/results?{Nord}&by=targetGroup&delimiter=,");
            var label = flex.GetProperty("label").GetString();
            var flexRows = export.Split('\n').Select(l => l.TrimEnd('\r').Split(',')).Where(cells => cells[0].Trim('"') == label && cells.ElementAtOrDefault(1)?.Trim('"') == "samtale").ToList();
            Assert.Single(flexRows);
            Assert.All(flexRows, cells => Assert.Equal(hidden ? "færre end 7 svar" : "6", cells[2].Trim('"')));

            var report = await client.GetStringAsync($"/api/v1/reports?format=html&{Nord}&by=targetGroup");
            Assert.Contains($"færre end {k} svar", report, StringComparison.Ordinal);

            var bars = await client.GetStringAsync("/dashboard/charts/bars.csv?instrument=vive-7&jobcentre=jc-nord&targetGroupSet=udsatte&from=2026-10&to=2026-10");
            Assert.Equal(hidden, bars.Contains("færre end 7 svar", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_configured_comment_threshold_decides_when_a_manager_sees_quotes()
    {
        await using var database = await SeedAsync();
        await using var k10 = new BorgerpulsApp(database);
        await using var k6 = new BorgerpulsApp(database) { Settings = { ["Anonymity:KComments"] = "6" } };

        var fleks = $"/api/v1/comments/themes?{Nord}&where=targetGroup=fleksjob";
        var byDefault = await (await k10.SignedInClientAsync(Roles.Manager, "jc-nord")).GetFromJsonAsync<JsonElement>(fleks);
        var configured = await (await k6.SignedInClientAsync(Roles.Manager, "jc-nord")).GetFromJsonAsync<JsonElement>(fleks);

        Assert.False(byDefault.GetProperty("quotesShown").GetBoolean());
        Assert.Contains("mindst 10 svar", byDefault.GetProperty("quotesHiddenReason").GetString(), StringComparison.Ordinal);
        var english = await (await k10.SignedInClientAsync(Roles.Manager, "jc-nord")).GetFromJsonAsync<JsonElement>(fleks + "&culture=en");
        Assert.Equal("Quotes are shown only for selections with at least 10 responses.", english.GetProperty("quotesHiddenReason").GetString());
        Assert.True(configured.GetProperty("quotesShown").GetBoolean());
    }

    /// <summary>The differencing guard takes the same k: a selection six respondents narrower than one seen before is fine under
    /// k = 5 and refused under k = 7, whichever output asks.</summary>
    [Theory]
    [MemberData(nameof(DifferencingGuardTests.NarrowerOutputs), MemberType = typeof(DifferencingGuardTests))]
    public async Task The_differencing_guard_takes_the_configured_k_on_every_output(string narrower)
    {
        await using var database = await SeedAsync();
        await using var k5 = new BorgerpulsApp(database);
        await using var k7 = new BorgerpulsApp(database) { Settings = { ["Anonymity:K"] = "7" } };

        foreach (var (k, app) in new[] { (5, k5), (7, k7) })
        {
            var committee = await app.SignedInClientAsync(Roles.Committee);
            Assert.Equal(HttpStatusCode.OK, (await committee.GetAsync("/api/v1/results?" + Nord)).StatusCode);
            var second = await committee.GetAsync(narrower);
            var body = await second.Content.ReadAsStringAsync();
            if (k == 5)
            {
                Assert.True(second.IsSuccessStatusCode, $"{narrower}: {second.StatusCode} {body[..Math.Min(body.Length, 300)]}");
            }
            else
            {
                Assert.True(second.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden, $"{narrower}: {second.StatusCode}");
                Assert.Contains("færre end 7", body, StringComparison.Ordinal);
            }
        }
    }
}
