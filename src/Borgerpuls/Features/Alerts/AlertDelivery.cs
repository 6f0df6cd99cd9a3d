using System.Globalization;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Alerts;

/// <summary>Sends the mails that are due: each immediate alert on its own, a recipient's due digest alerts as one mail. A
/// round first claims its mails with one conditional update (another instance's round skips them), sends, then marks them
/// sent; a failure is logged, releases the claim and the mail is tried again next round. A process that dies mid-send
/// leaves a claim that runs out, so a mail is sent at least once and, short of such a death, exactly once.</summary>
public static class AlertDelivery
{
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(10);

    public static async Task<(int Sent, int Failed)> SendDueAsync(BorgerpulsDbFactory databases, AlertOptions options, IMailSender sender, DateTimeOffset now, ILogger logger, CancellationToken ct)
    {
        var at = now.UtcDateTime;
        await using var db = databases.Create();
        var due = await db.Set<AlertMail>().AsNoTracking().Where(m => m.SentAt == null && m.DueAt <= at && (m.ClaimedUntil == null || m.ClaimedUntil < at))
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.Recipient, m.Digest }).ToListAsync(ct);
        var batches = due.Where(m => !m.Digest).Select(m => new List<long> { m.Id })
            .Concat(due.Where(m => m.Digest).GroupBy(m => m.Recipient.ToLowerInvariant()).Select(g => g.Select(m => m.Id).ToList()));
        var meanTargets = due.Count == 0 ? [] : (await db.Targets.Where(t => t.Metric == TargetMetric.Mean).Select(t => t.Key).ToListAsync(ct))
            .Select(key => AlertScope.Target + key).ToHashSet();
        int sent = 0, failed = 0;
        foreach (var ids in batches)
        {
            var token = Guid.NewGuid();
            var claimed = await db.Set<AlertMail>().Where(m => ids.Contains(m.Id) && m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < at))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, token).SetProperty(m => m.ClaimedUntil, at + ClaimFor), ct);
            if (claimed == 0) continue;
            var mails = await db.Set<AlertMail>().AsNoTracking().Include(m => m.Event).Where(m => m.ClaimToken == token).OrderBy(m => m.Id).ToListAsync(ct);
            var ruleIds = mails.Select(m => m.Event!.RuleId).Distinct().ToList();
            var rules = await db.Set<AlertRule>().AsNoTracking().Where(r => ruleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
            var mail = AlertMailText.Render(mails[0].Recipient, mails.Select(m => (rules[m.Event!.RuleId], m.Event!)).ToList(), options.BaseUrl, CultureInfo.GetCultureInfo("da"), meanTargets);
            try
            {
                await sender.SendAsync(mail, ct);
                await db.Set<AlertMail>().Where(m => m.ClaimToken == token)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, at).SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var error = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                await db.Set<AlertMail>().Where(m => m.ClaimToken == token).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.ClaimToken, (Guid?)null).SetProperty(m => m.ClaimedUntil, (DateTime?)null)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, error), CancellationToken.None);
                logger.LogWarning(e, "Alert mail to {Recipient} could not be sent; it is tried again next round", mails[0].Recipient);
                failed++;
            }
        }
        return (sent, failed);
    }
}
