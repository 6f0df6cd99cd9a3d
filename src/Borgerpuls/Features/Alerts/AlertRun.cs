using Borgerpuls.Data;
using Borgerpuls.Data.Aggregates;
using Borgerpuls.Domain;
using Borgerpuls.Features.DeviceHealth;
using Borgerpuls.Localization;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Alerts;

/// <summary>What one round needs: k (from <see cref="Security.Anonymity.AnonymityOptions"/>), the devices' opening hours, the
/// alert settings and the mail sender (null: mail is not configured and mails wait).</summary>
public sealed record AlertSettings(int K, OpeningHours Hours, AlertOptions Options, IMailSender? Sender);

public sealed record AlertRunResult(int Raised, int Cleared, int Sent, int Failed);

/// <summary>One round: every rule is evaluated, what started to hold is raised (and its mails queued), what stopped holding
/// is cleared, then the mails that are due are sent.
/// <para>The changes are decided under the exclusive <see cref="MaintenanceLock"/>, reading the open alerts again after
/// taking it: instances running a round at the same time raise each condition once. The conditions are evaluated before,
/// outside the lock, so answers are never held up by the evaluation, and mail is sent after it.</para></summary>
public static class AlertRun
{
    public static async Task<AlertRunResult> RunAsync(BorgerpulsDbFactory databases, AlertSettings settings, DateTimeOffset now, ILogger logger, CancellationToken ct)
    {
        var (raised, cleared) = await EvaluateAsync(databases, settings, now, logger, ct);
        var (sent, failed) = settings.Sender is { } sender ? await AlertDelivery.SendDueAsync(databases, settings.Options, sender, now, logger, ct) : (0, 0);
        return new AlertRunResult(raised, cleared, sent, failed);
    }

    private static async Task<(int Raised, int Cleared)> EvaluateAsync(BorgerpulsDbFactory databases, AlertSettings settings, DateTimeOffset now, ILogger logger, CancellationToken ct)
    {
        var findings = new Dictionary<int, List<AlertFinding>>();
        await using (var db = databases.Create())
        {
            var rules = await db.Set<AlertRule>().AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct);
            if (rules.Count == 0) return (0, 0);
            foreach (var rule in rules)
            {
                try
                {
                    findings[rule.Id] = await AlertConditions.EvaluateAsync(db, databases, rule, settings.K, settings.Hours, now, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A rule that cannot be judged now neither raises nor clears: its open alerts stay as they are.
                    logger.LogError(e, "Alert rule {Rule} could not be evaluated", rule.Id);
                }
            }
        }

        await using var work = databases.Create();
        // The common round, nothing holding and nothing open, takes no lock.
        if (findings.Values.All(f => f.Count == 0) && !await work.Set<AlertEvent>().AnyAsync(e => e.ClearedAt == null, ct)) return (0, 0);
        await using var tx = await MaintenanceLock.BeginExclusiveAsync(work, ct);
        var at = now.UtcDateTime;
        var rulesNow = await work.Set<AlertRule>().AsNoTracking().Where(r => findings.Keys.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var open = await work.Set<AlertEvent>().Where(e => e.ClearedAt == null && findings.Keys.Contains(e.RuleId)).ToListAsync(ct);
        var addresses = await RecipientAddresses.ResolveAsync(work, rulesNow.Values, logger, ct);
        int raised = 0, cleared = 0;
        foreach (var (ruleId, holding) in findings)
        {
            if (!rulesNow.TryGetValue(ruleId, out var rule)) continue; // deleted meanwhile
            var subjects = holding.Select(f => f.Subject).ToHashSet();
            foreach (var gone in open.Where(e => e.RuleId == ruleId && !subjects.Contains(e.Subject)))
            {
                gone.ClearedAt = at;
                cleared++;
            }
            foreach (var finding in holding.Where(f => !open.Any(e => e.RuleId == ruleId && e.Subject == f.Subject)))
            {
                var raisedEvent = new AlertEvent
                {
                    RuleId = ruleId, Subject = finding.Subject, SubjectName = finding.SubjectName, RaisedAt = at, Figure = finding.Figure,
                    Base = finding.Base, WindowFrom = finding.From, WindowTo = finding.To,
                };
                work.Add(raisedEvent);
                var due = rule.Digest ? DigestDue(now, settings.Options.DigestHour) : at;
                foreach (var address in addresses[ruleId])
                {
                    work.Add(new AlertMail { Event = raisedEvent, Recipient = address, Digest = rule.Digest, DueAt = due });
                }
                raised++;
            }
        }
        await work.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (raised + cleared > 0) logger.LogInformation("Alerts: {Raised} raised, {Cleared} cleared", raised, cleared);
        return (raised, cleared);
    }

    /// <summary>The next time the Danish clock shows the digest hour: a day's alerts go out together the morning after.</summary>
    public static DateTime DigestDue(DateTimeOffset now, int hour)
    {
        var local = DanishTime.Of(now);
        var day = DateOnly.FromDateTime(local.DateTime);
        if (local.TimeOfDay >= TimeSpan.FromHours(hour)) day = day.AddDays(1);
        var clock = day.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(clock, DanishTime.Zone.GetUtcOffset(clock)).UtcDateTime;
    }
}
