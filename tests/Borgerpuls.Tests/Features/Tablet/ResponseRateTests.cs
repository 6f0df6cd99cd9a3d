using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Borgerpuls.Domain;
using Borgerpuls.Features.Results;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Tablet;

public sealed class ResponseRateTests
{
    private static object Declined(string targetGroup) => new
    {
        id = Guid.NewGuid(), at = DateTimeOffset.UtcNow, context = new { targetGroup, meetingType = "samtale", unit = "jobafklaring-team" },
    };

    [Fact]
    public async Task Declined_taps_and_invitations_give_the_response_rate_per_group_by_hand()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        var tabletKey = await Devices.AddAsync(database, "nordvej", "borgeroplevelse-5", "tablet");
        var kioskKey = await Devices.AddAsync(database, "nordvej", "smiley", "kiosk");
        await using var app = new BorgerpulsApp(database);
        var hour = DateTime.UtcNow;
        hour = new DateTime(hour.Year, hour.Month, hour.Day, hour.Hour, 0, 0, DateTimeKind.Utc);
        var answer = new Dictionary<string, string> { ["hoert"] = "5", ["faelles"] = "4" };
        await Responses.WriteAsync(database, Responses.Repeat(6, new Responses.Spec("borgeroplevelse-5", answer) { JobCentre = "jc-nord", Site = "nordvej", TargetGroup = "jobafklaring", Hour = hour }));
        await Responses.WriteAsync(database, Responses.Repeat(3, new Responses.Spec("borgeroplevelse-5", answer) { JobCentre = "jc-nord", Site = "nordvej", TargetGroup = "jobparat", Hour = hour }));

        // The tablet records 2 declined hand-overs for jobafklaring and 8 for jobparat; a retry of a batch counts once.
        var tablet = app.CreateClient();
        tablet.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", tabletKey);
        var batch = new[] { Declined("jobafklaring"), Declined("jobafklaring") };
        Assert.Equal(HttpStatusCode.Created, (await tablet.PostAsJsonAsync("/api/v1/declines", batch)).StatusCode);
        var retry = await tablet.PostAsJsonAsync("/api/v1/declines", batch);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(2, (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicates").GetInt32());
        Assert.Equal(HttpStatusCode.Created, (await tablet.PostAsJsonAsync("/api/v1/declines", Enumerable.Range(0, 8).Select(_ => Declined("jobparat")).ToArray())).StatusCode);

        // Refused: no key, a kiosk's key, an unknown target group.
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsJsonAsync("/api/v1/declines", Declined("jobparat"))).StatusCode);
        var kiosk = app.CreateClient();
        kiosk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", kioskKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await kiosk.PostAsJsonAsync("/api/v1/declines", Declined("jobparat"))).StatusCode);
        var unknownGroup = await tablet.PostAsJsonAsync("/api/v1/declines", Declined("findes-ikke"));
        Assert.Equal(HttpStatusCode.BadRequest, unknownGroup.StatusCode);
        var refusal = await unknownGroup.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Intet blev registreret: ret felterne herunder.", refusal.GetProperty("title").GetString());
        Assert.Equal("Ukendt målgruppe »findes-ikke«.", refusal.GetProperty("errors").GetProperty("context.targetGroup")[0].GetString());
        var english = await (await tablet.PostAsJsonAsync("/api/v1/declines?culture=en", Array.Empty<object>())).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Send 1 to 200 declined hand-overs.", english.GetProperty("detail").GetString());

        // 4 invitations for jobafklaring at Nordvej; citizens answer 3 of them.
        var manager = await app.SignedInClientAsync(Roles.Manager, "jc-nord");
        var tokens = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var created = await manager.PostAsJsonAsync("/api/v1/invitations", new { instrument = "borgeroplevelse-5", jobCentre = "jc-nord", site = "nordvej", targetGroup = "jobafklaring", meetingType = "samtale" });
            tokens.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!);
        }
        await app.AnswerAsync(tokens.Take(3));

        await using var db = database.Open();
        var stored = await db.DeclinedHandOvers.ToListAsync();
        Assert.Equal(10, stored.Count);
        Assert.All(stored, d => Assert.Equal(hour, d.Hour));
        Assert.All(stored, d => Assert.Equal(Channel.Tablet, d.Channel));

        var byGroup = await ResultsQuery.RunAsync(db, database.Factory, new ResultsRequest("borgeroplevelse-5") { By = Dimension.TargetGroup }, Viewer.CommandLine, 3, CancellationToken.None);
        // jobafklaring: offered = 6 tablet answers + 2 declined + 4 invitations = 12; answered = 6 + 3 = 9.
        var jobafklaring = byGroup.Groups.Single(g => g.Key["targetGroup"] == "jobafklaring");
        Assert.Equal(9, jobafklaring.Respondents);
        // jobparat: offered = 3 + 8 = 11; answered = 3; 27 % is below a third. The two differ strongly: 75 % against 27 %,
        // Fisher's exact test (an expected count is below 5) p = 0.039 < 0.05, and 48 points apart.
        Assert.Equal(new ResponseRateResult(12, 9, 9.0 / 12, false, DiffersFromRest: true), Total(jobafklaring.ResponseRate));
        // Its 4 invitations were created without a referral source: 3 of 4 answered.
        Assert.Equal([new ReferralRateResult("ikke-oplyst", 4, 3, 0.75, false, false)], jobafklaring.ResponseRate!.ByReferral!);
        Assert.Equal(new ResponseRateResult(11, 3, 3.0 / 11, true, DiffersFromRest: true), Total(byGroup.Groups.Single(g => g.Key["targetGroup"] == "jobparat").ResponseRate));

        // By channel: tablet offered 6 + 3 + 2 + 8 = 19, answered 9; invitations 4 issued, 3 used.
        var byChannel = await ResultsQuery.RunAsync(db, database.Factory, new ResultsRequest("borgeroplevelse-5") { By = Dimension.Channel }, Viewer.CommandLine, 3, CancellationToken.None);
        Assert.Equal(new ResponseRateResult(19, 9, 9.0 / 19, false), Total(byChannel.Groups.Single(g => g.Key["channel"] == "tablet").ResponseRate));
        Assert.Equal(new ResponseRateResult(4, 3, 0.75, false), Total(byChannel.Groups.Single(g => g.Key["channel"] == "link").ResponseRate));
        // 47 % against 75 % is 28 points apart, but not significant (Fisher p = 0.59): not marked.

        var all = await ResultsQuery.RunAsync(db, database.Factory, new ResultsRequest("borgeroplevelse-5"), Viewer.CommandLine, 5, CancellationToken.None);
        Assert.Equal(new ResponseRateResult(23, 12, 12.0 / 23, false), Total(all.Groups.Single().ResponseRate));
        var json = JsonDocument.Parse(ResultsFormat.ToJson(all)).RootElement.GetProperty("groups")[0].GetProperty("responseRate");
        Assert.Equal(23, json.GetProperty("offered").GetInt32());
        Assert.Equal(12, json.GetProperty("answered").GetInt32());
        Assert.Equal(12.0 / 23, json.GetProperty("rate").GetDouble(), 12);
        Assert.False(json.GetProperty("low").GetBoolean());

        // Another centre's manager sees neither the figures nor the denominators of jc-nord.
        var elsewhere = await ResultsQuery.RunAsync(db, database.Factory, new ResultsRequest("borgeroplevelse-5"), new Viewer(Roles.Manager, new HashSet<string> { "jc-centrum" }), 5, CancellationToken.None);
        Assert.Null(elsewhere.Groups.Single().ResponseRate);

        // The declined taps and invitations were counted into the denominators as they came; a rebuild finds the same.
        Assert.Equal(await Denominators.SnapshotAsync(database), await Denominators.RebuiltAsync(database));
    }

    private static ResponseRateResult? Total(ResponseRateResult? rate) => rate is null ? null : rate with { ByReferral = null };
}
