using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Borgerpuls.Features.Results;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Borgerpuls.Tests.Features.Invitations;

public sealed class ReferralRateTests
{
    private static async Task<List<string>> InviteAsync(HttpClient client, int count, string? referredBy)
    {
        var tokens = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var created = await client.PostAsJsonAsync("/api/v1/invitations", new { instrument = "borgeroplevelse-5", jobCentre = "jc-nord", site = "nordvej", targetGroup = "jobafklaring", referredBy });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            tokens.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!);
        }
        return tokens;
    }

    [Fact]
    public async Task Invitations_show_their_response_rate_per_referral_source_and_rebuild_and_upgrade_agree()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        await using var app = new BorgerpulsApp(database);

        // A caseworker chooses 8 citizens, 2 answer: 25 %. A case system (access token, no referredBy) invites 8, 7 answer.
        var caseworker = await app.SignedInClientAsync(Roles.Manager, "jc-nord");
        var chosen = await InviteAsync(caseworker, 8, "sagsbehandler");
        var caseSystem = await app.BearerClientAsync(database, Roles.Manager, "staff", "jc-nord");
        var automatic = await InviteAsync(caseSystem, 8, null);
        await app.AnswerAsync(chosen.Take(2).Concat(automatic.Take(7)));

        // An unknown referral source is refused with the accepted ones, and nothing is written.
        var refused = await caseworker.PostAsJsonAsync("/api/v1/invitations", new { instrument = "borgeroplevelse-5", jobCentre = "jc-nord", referredBy = "brev" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("sagsbehandler, reception, sagssystem, selv",
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("referredBy")[0].GetString(), StringComparison.Ordinal);

        await using var db = database.Open();
        Assert.Equal(16, await db.Invitations.CountAsync());
        Assert.Equal(8, await db.Invitations.CountAsync(i => i.ReferredBy == "sagssystem"));

        var report = await ResultsQuery.RunAsync(db, database.Factory, new ResultsRequest("borgeroplevelse-5"), Viewer.CommandLine, 5, CancellationToken.None);
        var rate = report.Groups.Single().ResponseRate!;
        Assert.Equal(new ResponseRateResult(16, 9, 9.0 / 16, false), rate with { ByReferral = null });
        // 2 of 8 against 7 of 8: Fisher's exact test p = 0.041, 62.5 points apart: both marked.
        Assert.Equal(
            [new ReferralRateResult("sagsbehandler", 8, 2, 0.25, true, true), new ReferralRateResult("sagssystem", 8, 7, 0.875, false, true)],
            rate.ByReferral!);
        var json = JsonDocument.Parse(ResultsFormat.ToJson(report)).RootElement.GetProperty("groups")[0].GetProperty("responseRate").GetProperty("byReferral");
        Assert.Equal("sagsbehandler", json[0].GetProperty("referredBy").GetString());
        Assert.Equal(0.25, json[0].GetProperty("rate").GetDouble());

        // The denominators kept at each write equal those recomputed from the rows, and those an upgraded database gets from
        // the migration that introduced them.
        var incremental = await Denominators.SnapshotAsync(database);
        Assert.Equal(2, incremental.Count);
        Assert.Equal(incremental, await Denominators.RebuiltAsync(database));
        await using (var migrating = database.Open())
        {
            var migrator = migrating.GetService<IMigrator>();
            await migrator.MigrateAsync("DeclinedHandOvers");
            await migrator.MigrateAsync();
        }
        Assert.Equal(incremental, await Denominators.SnapshotAsync(database));
        var upgraded = await ResultsQuery.RunAsync(db, database.Factory, new ResultsRequest("borgeroplevelse-5"), Viewer.CommandLine, 5, CancellationToken.None);
        Assert.Equal(rate.ByReferral, upgraded.Groups.Single().ResponseRate!.ByReferral!);
    }
}
