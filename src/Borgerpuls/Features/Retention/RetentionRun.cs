using Borgerpuls.Data;
using Borgerpuls.Data.Aggregates;
using Borgerpuls.Domain;
using Borgerpuls.Security;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Retention;

/// <param name="Denominators">Invitations, declined hand-overs and records of paper forms handed out: the raw rows behind
/// the response rate, kept as long as responses.</param>
public sealed record RetentionResult(int Responses, int Comments, int AuditEntries, int FollowUps, int Denominators = 0);

/// <summary>Deletes what is older than its retention period, and a campaign's data on request. Deleting responses or the
/// rows behind the response rate rebuilds the aggregates, so no figure or rate keeps counting deleted rows.</summary>
public static class RetentionRun
{
    public static async Task<RetentionResult> RunAsync(BorgerpulsDbFactory databases, RetentionOptions options, DateTime now, CancellationToken ct)
    {
        int responses = 0, comments = 0, audit = 0, followUps = 0, denominators = 0;
        // What the aggregates count goes in whole calendar months: a deletion means a rebuild of every aggregate (minutes at
        // national scale, under the maintenance lock that writers wait for), so it happens once, in the first run of a
        // month, rather than in every daily run and at every instance's start as each day's oldest hours expire.
        var thisMonth = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        // What the aggregates count is deleted inside the rebuild's transaction: no figure counts a deleted row.
        await AggregateRebuild.AfterDeletingAsync(databases, async (db, ct) =>
        {
            if (options.CommentsMonths > 0)
            {
                var before = thisMonth.AddMonths(-options.CommentsMonths);
                comments = await db.Comments.Where(c => c.SubmittedHour < before).ExecuteDeleteAsync(ct);
            }
            if (options.ResponsesMonths > 0)
            {
                var before = thisMonth.AddMonths(-options.ResponsesMonths);
                comments += await db.Comments.Where(c => c.SubmittedHour < before).ExecuteDeleteAsync(ct);
                responses = await db.Responses.Where(r => r.SubmittedHour < before).ExecuteDeleteAsync(ct);
                var day = DateOnly.FromDateTime(before);
                denominators = await db.DeclinedHandOvers.Where(d => d.Hour < before).ExecuteDeleteAsync(ct)
                    + await db.PaperDistributions.Where(p => p.Month < day).ExecuteDeleteAsync(ct)
                    + await db.Invitations.Where(i => i.MeetingDate < day && i.ExpiresOn < day).ExecuteDeleteAsync(ct);
            }
            // The rest of the run in the same transaction, under the same lock: every instance runs retention, and one that
            // comes second waits for the first and then finds nothing left, so the run is done and audited once.
            if (options.AuditMonths > 0)
            {
                // Bulk delete outside change tracking: the append-only guard protects single entries from code, not the retention rule.
                var before = now.AddMonths(-options.AuditMonths);
                audit = await db.AuditEntries.Where(a => a.At < before).ExecuteDeleteAsync(ct);
                // The daily invitation counts are the audit of invitation creation and follow its retention.
                var day = DateOnly.FromDateTime(before);
                audit += await db.InvitationTallies.Where(t => t.Day < day).ExecuteDeleteAsync(ct);
            }
            if (options.FollowUpDays > 0)
            {
                // The request keeps its Danish date, so the limit is counted in Danish days too.
                var before = DateOnly.FromDateTime(Localization.DanishTime.OfUtc(now).DateTime).AddDays(-options.FollowUpDays);
                followUps = await db.FollowUpRequests.Where(f => f.CreatedOn < before).ExecuteDeleteAsync(ct);
            }
            // Deleted comments leave the theme counts too.
            return responses + comments + denominators > 0;
        }, ct);
        await using var db = databases.Create();
        if (responses + comments + audit + followUps + denominators > 0)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                At = now, Actor = "retention", Action = AuditActions.RetentionDelete,
                Details = $"responses {responses}, comments {comments}, audit {audit}, follow-ups {followUps}, response-rate rows {denominators}",
            });
            await db.SaveChangesAsync(ct);
        }
        return new RetentionResult(responses, comments, audit, followUps, denominators);
    }

    public static async Task<int> DeleteCampaignDataAsync(BorgerpulsDbFactory databases, string campaignKey, string actor, CancellationToken ct)
    {
        await using var db = databases.Create();
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Key == campaignKey, ct)
            ?? throw new KeyNotFoundException($"Unknown campaign '{campaignKey}'.");
        var deleted = 0;
        await AggregateRebuild.AfterDeletingAsync(databases, async (inTransaction, ct) =>
        {
            var ids = inTransaction.Responses.Where(r => r.CampaignId == campaign.Id).Select(r => r.Id);
            await inTransaction.Comments.Where(c => ids.Contains(c.ResponseId)).ExecuteDeleteAsync(ct);
            deleted = await inTransaction.Responses.Where(r => r.CampaignId == campaign.Id).ExecuteDeleteAsync(ct);
            return deleted > 0;
        }, ct);
        db.AuditEntries.Add(new AuditEntry { At = DateTime.UtcNow, Actor = actor, Action = AuditActions.CampaignDeleteData, Details = $"{campaignKey}: {deleted} responses" });
        await db.SaveChangesAsync(ct);
        return deleted;
    }
}
