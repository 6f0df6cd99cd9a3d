namespace Borgerpuls.Features.Results;

public enum Dimension
{
    JobCentre,
    Site,
    Unit,
    TargetGroup,
    TargetGroupSet,
    Channel,
    MeetingType,
    Language,
    Offer,
    Period,
}

public enum PeriodGranularity
{
    Month,
    Quarter,
    Year,
}

/// <summary>A results or priority-map question: which instrument, broken down by what, for which period and filters.
/// Periods are whole months (aggregates are kept per month): <c>From</c> selects its whole month, as does <c>To</c>.</summary>
public sealed record ResultsRequest(string Instrument)
{
    public Dimension? By { get; init; }
    public PeriodGranularity Period { get; init; } = PeriodGranularity.Month;
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public IReadOnlyDictionary<Dimension, string> Where { get; init; } = new Dictionary<Dimension, string>();
    public bool IncludeKioskRepeats { get; init; }

    public static Dimension ParseDimension(string text) => text.ToLowerInvariant() switch
    {
        "jobcentre" or "jobcenter" or "jobcentreid" => Dimension.JobCentre,
        "site" => Dimension.Site,
        "unit" => Dimension.Unit,
        "targetgroup" => Dimension.TargetGroup,
        "targetgroupset" => Dimension.TargetGroupSet,
        "channel" => Dimension.Channel,
        "meetingtype" => Dimension.MeetingType,
        "language" => Dimension.Language,
        "offer" => Dimension.Offer,
        "period" => Dimension.Period,
        _ => throw new ResultsException($"Unknown dimension '{text}'; use one of: jobcentre, site, unit, targetGroup, targetGroupSet, channel, meetingType, language, offer, period."),
    };

    public static string Name(Dimension d) => d switch
    {
        Dimension.JobCentre => "jobcentre",
        Dimension.TargetGroup => "targetGroup",
        Dimension.TargetGroupSet => "targetGroupSet",
        Dimension.MeetingType => "meetingType",
        _ => d.ToString().ToLowerInvariant(),
    };
}

/// <summary>A results question that cannot be answered as asked (unknown key, impossible combination).</summary>
public sealed class ResultsException(string message) : Exception(message);
