using System.Net;
using Borgerpuls.Domain;
using Borgerpuls.Features.Retention;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.FollowUp;

/// <summary>The leader's queue: scoped to the viewer's job centres, closed to committee members, every view and change audited,
/// and the personal data gone after the retention period.</summary>
public sealed class FollowUpQueueTests
{
    private static async Task<(Guid Nord, Guid Centrum)> TwoRequestsAsync(TestDatabase database, DateOnly day)
    {
        await using var db = database.Open();
        var nord = await db.JobCentres.Where(j => j.Key == "jc-nord").Select(j => j.Id).SingleAsync();
        var centrum = await db.JobCentres.Where(j => j.Key == "jc-centrum").Select(j => j.Id).SingleAsync();
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        db.FollowUpRequests.Add(new FollowUpRequest { Id = a, CreatedOn = day, JobCentreId = nord, Name = "Nora Nord", Phone = "11111111", Message = "Ventetiden" });
        db.FollowUpRequests.Add(new FollowUpRequest { Id = b, CreatedOn = day, JobCentreId = centrum, Name = "Carl Centrum", Phone = "22222222" });
        await db.SaveChangesAsync();
        return (a, b);
    }

    private static async Task<List<AuditEntry>> AuditAsync(TestDatabase database, string action)
    {
        await using var db = database.Open();
        return await db.AuditEntries.Where(e => e.Action == action).ToListAsync();
    }

    [Fact]
    public async Task A_leader_sees_and_handles_the_requests_of_their_own_centre_only_and_every_view_is_audited()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var (nord, centrum) = await TwoRequestsAsync(database, new DateOnly(2026, 12, 1));
        var leader = await app.SignedInClientAsync(Roles.Manager, "jc-nord");

        var queue = await leader.GetStringAsync("/follow-up");
        Assert.Contains("Nora Nord", queue);
        Assert.DoesNotContain("Carl Centrum", queue);
        // The menu counts the open requests of the leader's centres: one.
        Assert.Contains("<span class=\"visually-hidden\">1 åbne kontaktønsker</span>", queue);
        var details = await leader.GetStringAsync($"/follow-up/{nord}");
        Assert.Contains("11111111", details);
        Assert.Contains("Ventetiden", details);
        var other = await leader.GetAsync($"/follow-up/{centrum}");
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Contains("access-denied", other.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await leader.PostAsync($"/follow-up/{centrum}", new FormUrlEncodedContent(new Dictionary<string, string> { ["Status"] = "Closed", ["Note"] = "x" }))).StatusCode);

        // Marked contacted without a note: refused, nothing changed, no update audited.
        var noNote = await leader.PostAsync($"/follow-up/{nord}", new FormUrlEncodedContent(new Dictionary<string, string> { ["Status"] = "Contacted", ["Note"] = " " }));
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Contains("Skriv hvad der blev gjort", await noNote.Content.ReadAsStringAsync());
        Assert.Empty(await AuditAsync(database, AuditActions.FollowUpUpdate));
        // Sent twice: one change, one audit line.
        for (var i = 0; i < 2; i++)
        {
            var saved = await leader.PostAsync($"/follow-up/{nord}", new FormUrlEncodedContent(new Dictionary<string, string> { ["Status"] = "Contacted", ["Note"] = "Ringet op, ny samtale aftalt" }));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        await using (var db = database.Open())
        {
            var handled = await db.FollowUpRequests.SingleAsync(f => f.Id == nord);
            Assert.Equal(FollowUpStatus.Contacted, handled.Status);
            Assert.Equal("Ringet op, ny samtale aftalt", handled.HandlingNote);
            Assert.StartsWith("manager-", handled.HandledBy, StringComparison.Ordinal);
            Assert.Equal(FollowUpStatus.Open, (await db.FollowUpRequests.SingleAsync(f => f.Id == centrum)).Status);
        }
        var updates = await AuditAsync(database, AuditActions.FollowUpUpdate);
        Assert.Equal($"request {nord}: Contacted", Assert.Single(updates).Details);
        // Views: the queue once, the own request once; the refused one is not a view.
        var views = await AuditAsync(database, AuditActions.FollowUpView);
        Assert.Equal(["queue: 1 requests", $"request {nord}"], views.OrderBy(v => v.Id).Select(v => v.Details));
        Assert.All(views, v => Assert.StartsWith("manager-", v.Actor, StringComparison.Ordinal));
        // The menu's count is kept for a while, but a request handled here shows at once: none open any more.
        Assert.DoesNotContain("åbne kontaktønsker", await leader.GetStringAsync("/dashboard"));

        // An analyst sees both centres.
        var analyst = await app.SignedInClientAsync(Roles.Analyst);
        var all = await analyst.GetStringAsync("/follow-up?all=true");
        Assert.Contains("Nora Nord", all);
        Assert.Contains("Carl Centrum", all);
    }

    [Fact]
    public async Task Committee_members_and_anonymous_visitors_never_reach_the_queue()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var (nord, _) = await TwoRequestsAsync(database, new DateOnly(2026, 12, 1));
        var committee = await app.SignedInClientAsync(Roles.Committee);
        foreach (var path in new[] { "/follow-up", $"/follow-up/{nord}" })
        {
            var refused = await committee.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("access-denied", refused.Headers.Location?.OriginalString, StringComparison.Ordinal);
            var anonymous = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.Contains("/login", anonymous.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("/follow-up", await committee.GetStringAsync("/"));
        Assert.Empty(await AuditAsync(database, AuditActions.FollowUpView));
    }

    /// <summary>With 90 days' retention on 1 March 2027, the limit is 1 December 2026 (1 March − 90 days: 28 days of February,
    /// 31 of January, 31 of December = 90): a request of 30 November is deleted, one of 1 December is kept. The run is at
    /// 00:30 Danish time on 1 March, still 28 February in UTC: the requests carry Danish dates, so the limit is a Danish day.</summary>
    [Fact]
    public async Task Retention_deletes_requests_older_than_the_configured_days()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        var (old, _) = await TwoRequestsAsync(database, new DateOnly(2026, 11, 30));
        var (kept, _) = await TwoRequestsAsync(database, new DateOnly(2026, 12, 1));

        var result = await RetentionRun.RunAsync(database.Factory, new RetentionOptions { FollowUpDays = 90 }, new DateTime(2027, 2, 28, 23, 30, 0, DateTimeKind.Utc), CancellationToken.None);

        Assert.Equal(2, result.FollowUps);
        await using var check = database.Open();
        Assert.False(await check.FollowUpRequests.AnyAsync(f => f.Id == old));
        Assert.True(await check.FollowUpRequests.AnyAsync(f => f.Id == kept));
        Assert.Equal(2, await check.FollowUpRequests.CountAsync());
        Assert.Contains("follow-ups 2", (await check.AuditEntries.SingleAsync(a => a.Action == AuditActions.RetentionDelete)).Details);
    }
}
