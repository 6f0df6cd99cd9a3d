using System.Globalization;
using Borgerpuls.Localization;
using Microsoft.Extensions.Localization;

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

    /// <summary>A municipality-defined background variable; which one is <see cref="ResultsRequest.Background"/>.</summary>
    Background,
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

    /// <summary>The second dimension of a two-way breakdown (a table of <see cref="By"/> × <c>By2</c>); null for one-way.</summary>
    public Dimension? By2 { get; init; }

    /// <summary>The background variable's key wherever <see cref="Dimension.Background"/> is used (breakdown or filter): one per
    /// question, since the background cube holds each variable apart.</summary>
    public string? Background { get; init; }
    public PeriodGranularity Period { get; init; } = PeriodGranularity.Month;
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public IReadOnlyDictionary<Dimension, string> Where { get; init; } = new Dictionary<Dimension, string>();
    public bool IncludeKioskRepeats { get; init; }

    /// <summary>A dimension as written in a request; <c>background:KEY</c> names a background variable.</summary>
    public static Dimension ParseDimension(string text, out string? background)
    {
        background = null;
        if (text.StartsWith("background:", StringComparison.OrdinalIgnoreCase))
        {
            background = text["background:".Length..];
            return background.Length > 0 ? Dimension.Background : throw new ResultsException("Results.Error.NameBackgroundVariable");
        }
        return ParseDimension(text);
    }

    public static Dimension ParseDimension(string text) => text.ToLowerInvariant() switch
    {
        "background" => throw new ResultsException("Results.Error.NameBackgroundVariable"),
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
        _ => throw new ResultsException("Results.Error.UnknownDimension", text),
    };

    public static string Name(Dimension d) => d switch
    {
        Dimension.JobCentre => "jobcentre",
        Dimension.TargetGroup => "targetGroup",
        Dimension.TargetGroupSet => "targetGroupSet",
        Dimension.MeetingType => "meetingType",
        _ => d.ToString().ToLowerInvariant(),
    };

    /// <summary>The dimension's name in output (group keys, "by"): a background variable as <c>background:KEY</c>.</summary>
    public string NameOf(Dimension d) => d == Dimension.Background ? $"background:{Background}" : Name(d);
}

/// <summary>A results question that cannot be answered as asked (unknown key, impossible combination). It carries a resource
/// key (<c>Results.Error.*</c>) and its arguments, so the dashboard and the API say it in the reader's language;
/// <see cref="Exception.Message"/> is the English text, for logs and the command line.</summary>
public sealed class ResultsException(string key, params object?[] args) : Exception(SharedTexts.Format(SharedTexts.English, key, args))
{
    public string Key { get; } = key;

    /// <summary>The text in the request's language, from a page's or an endpoint's localizer.</summary>
    public string Text(IStringLocalizer t) => string.Format(CultureInfo.CurrentUICulture, t[Key], args);

    /// <summary>The text in a language named outside a request (the report's).</summary>
    public string Text(CultureInfo culture) => SharedTexts.Format(culture, Key, args);
}
