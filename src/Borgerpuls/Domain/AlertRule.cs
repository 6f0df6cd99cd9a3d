namespace Borgerpuls.Domain;

public enum AlertKind
{
    /// <summary>The negative share at a site or job centre over the last <see cref="AlertRule.WindowHours"/> hours is above
    /// <see cref="AlertRule.Level"/>, on at least <see cref="AlertRule.MinimumBase"/> respondents (and never fewer than k).</summary>
    NegativeShare,

    /// <summary>A target (måltal) is currently not met.</summary>
    TargetBelow,

    /// <summary>A kiosk has had no answers for <see cref="AlertRule.WindowHours"/> hours of opening time.</summary>
    SilentKiosk,

    /// <summary>A device reports refused answers, or a delivery error while answers wait in its queue.</summary>
    FailingDevice,
}

/// <summary>A rule on a rolling window that mails its recipients when its condition starts to hold (see docs/alerts.md).</summary>
public sealed class AlertRule
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public AlertKind Kind { get; set; }

    /// <summary>What the rule watches: <c>site:KEY</c> or <c>jobcentre:KEY</c> (negative share; devices: empty for every
    /// device), <c>target:KEY</c> (target).</summary>
    public string Scope { get; set; } = "";

    public int WindowHours { get; set; }

    /// <summary>A share as a fraction 0–1 (negative share).</summary>
    public double Level { get; set; }

    public int MinimumBase { get; set; }

    /// <summary>Staff users (<c>user:ID</c>) and e-mail addresses.</summary>
    public List<string> Recipients { get; set; } = [];

    /// <summary>Collected into one mail a day per recipient instead of one mail per alert.</summary>
    public bool Digest { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>One raised condition of a rule, for one subject (the site, the target, the device): open until it clears. While
/// it is open the same condition is not mailed again.</summary>
public sealed class AlertEvent
{
    public long Id { get; set; }
    public int RuleId { get; set; }

    /// <summary>What the condition is about within the rule's scope, e.g. <c>device:12</c>.</summary>
    public required string Subject { get; set; }

    /// <summary>The subject's name when raised (site, target, device), for the mail.</summary>
    public required string SubjectName { get; set; }

    public DateTime RaisedAt { get; set; }
    public DateTime? ClearedAt { get; set; }
    public double? Figure { get; set; }
    public int? Base { get; set; }
    public DateTime? WindowFrom { get; set; }
    public DateTime? WindowTo { get; set; }
}

/// <summary>A mail to send about a raised alert: sent once, retried until then. Digest mails wait until their due time and
/// go out together, one mail per recipient.</summary>
public sealed class AlertMail
{
    public long Id { get; set; }
    public long EventId { get; set; }
    public AlertEvent? Event { get; set; }
    public required string Recipient { get; set; }
    public bool Digest { get; set; }
    public DateTime DueAt { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>Which delivery round has taken the mail, until when: two instances never send the same mail.</summary>
    public Guid? ClaimToken { get; set; }
    public DateTime? ClaimedUntil { get; set; }

    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
