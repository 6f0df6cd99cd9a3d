namespace Borgerpuls.Domain;

[Flags]
public enum ResponseQuality
{
    None = 0,

    /// <summary>A kiosk press within the site's repeat window after the previous one; left out of statistics by default.</summary>
    KioskRepeat = 1,
}

/// <summary>An anonymous answer set (besvarelse). It holds a copy of the meeting context, never a person, a token, an IP address
/// or a precise time: <see cref="SubmittedHour"/> is truncated to the hour.</summary>
public sealed class Response : IPlaced
{
    /// <summary>Client-generated random UUID v4: the idempotency key, revealing no time.</summary>
    public Guid Id { get; set; }
    public int InstrumentVersionId { get; set; }
    public int InstrumentId { get; set; }
    public int? CampaignId { get; set; }
    public Channel Channel { get; set; }
    public DateTime SubmittedHour { get; set; }
    public int JobCentreId { get; set; }
    public int? SiteId { get; set; }
    public int? UnitId { get; set; }
    public int? OfferId { get; set; }
    public int? TargetGroupId { get; set; }
    public string? MeetingType { get; set; }
    public string Language { get; set; } = LocalizedText.Danish;
    public Dictionary<string, string> Background { get; set; } = [];

    /// <summary>Question key → chosen option codes (one for scale/single choice/yes-no, several for multiple choice).
    /// Free text is not here: it is redacted and stored as a <see cref="Comment"/>.</summary>
    public Dictionary<string, string[]> Answers { get; set; } = [];
    public ResponseQuality QualityFlags { get; set; }

    /// <summary>Hash of the submitted content, so a retry with the same id can be told from a conflicting reuse.</summary>
    public required string ContentHash { get; set; }

    public static DateTime ToHour(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, DateTimeKind.Utc);
    }
}
