using Borgerpuls.Features.Shared;
using System.Globalization;
using Borgerpuls.Features.Results;
using Microsoft.AspNetCore.WebUtilities;

namespace Borgerpuls.Features.Dashboard;

/// <summary>The dashboard's filters as plain query-string values, so the page works as a GET form without JavaScript and every
/// chart, table and download link carries the same selection.</summary>
public sealed record DashboardFilter
{
    public static readonly string[] GroupDimensions = ["targetGroupSet", "targetGroup", "jobcentre", "site", "unit", "channel"];
    public static readonly string[] CompareDimensions = ["targetGroupSet", "targetGroup", "jobcentre", "channel", "period"];
    public static readonly string[] Granularities = ["month", "quarter", "year"];

    public string? Instrument { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public string? JobCentre { get; init; }
    public string? Site { get; init; }
    public string? Unit { get; init; }
    public string? TargetGroup { get; init; }
    public string? TargetGroupSet { get; init; }
    public string? Channel { get; init; }
    public string GroupBy { get; init; } = "targetGroupSet";

    /// <summary>A second grouping: the answers as a table of <see cref="GroupBy"/> × this; null for none.</summary>
    public string? GroupBy2 { get; init; }
    public string Period { get; init; } = "month";
    public string CompareBy { get; init; } = "targetGroupSet";
    public string? A { get; init; }
    public string? B { get; init; }

    public static DashboardFilter Parse(IQueryCollection q)
    {
        string? Get(string name) => q.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;
        string OneOf(string name, string[] allowed, string fallback) => Get(name) is { } v && allowed.Contains(v, StringComparer.OrdinalIgnoreCase)
            ? allowed.First(a => a.Equals(v, StringComparison.OrdinalIgnoreCase)) : fallback;
        // A background variable is named by its key; whether it exists is the query's to say.
        string? Grouping(string name, string? fallback) => Get(name) is { } v && v.StartsWith("background:", StringComparison.OrdinalIgnoreCase) ? v : OneOf(name, GroupDimensions, fallback!);
        return new DashboardFilter
        {
            Instrument = Get("instrument"),
            From = Get("from"),
            To = Get("to"),
            JobCentre = Get("jobcentre"),
            Site = Get("site"),
            Unit = Get("unit"),
            TargetGroup = Get("targetGroup"),
            TargetGroupSet = Get("targetGroupSet"),
            Channel = Get("channel"),
            GroupBy = Grouping("groupBy", "targetGroupSet")!,
            GroupBy2 = Grouping("groupBy2", null),
            Period = OneOf("period", Granularities, "month"),
            CompareBy = OneOf("compareBy", CompareDimensions, "targetGroupSet"),
            A = Get("a"),
            B = Get("b"),
        };
    }

    /// <summary>The selected months; by default the twelve months up to and including the current one.</summary>
    public (DateOnly From, DateOnly To) Months(DateOnly today)
    {
        var to = MonthField.Parse(To) ?? new DateOnly(today.Year, today.Month, 1);
        var from = MonthField.Parse(From) ?? to.AddMonths(-11);
        return from <= to ? (from, to) : (to, from);
    }

    /// <summary>The equally long stretch just before the selected one, for "change since last period".</summary>
    public static (DateOnly From, DateOnly To) Previous((DateOnly From, DateOnly To) months)
    {
        var length = (months.To.Year - months.From.Year) * 12 + months.To.Month - months.From.Month + 1;
        return (months.From.AddMonths(-length), months.From.AddMonths(-1));
    }

    public ResultsRequest Request(string instrument, (DateOnly From, DateOnly To) months, string? by = null)
    {
        var where = new Dictionary<Dimension, string>();
        void Add(Dimension d, string? value)
        {
            if (value is not null) where[d] = value;
        }
        Add(Dimension.JobCentre, JobCentre);
        Add(Dimension.Site, Site);
        Add(Dimension.Unit, Unit);
        Add(Dimension.TargetGroup, TargetGroup);
        Add(Dimension.TargetGroupSet, TargetGroupSet);
        Add(Dimension.Channel, Channel);
        return ResultsApi.Parse(instrument, by, Period, months.From, months.To, []) with { Where = where };
    }

    /// <summary>This selection as a query string, with some values replaced (null removes one).</summary>
    public string Query(params (string Name, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>
        {
            ["instrument"] = Instrument, ["from"] = From, ["to"] = To, ["jobcentre"] = JobCentre, ["site"] = Site, ["unit"] = Unit,
            ["targetGroup"] = TargetGroup, ["targetGroupSet"] = TargetGroupSet, ["channel"] = Channel, ["groupBy"] = GroupBy, ["groupBy2"] = GroupBy2,
            ["period"] = Period, ["compareBy"] = CompareBy, ["a"] = A, ["b"] = B,
        };
        foreach (var (name, value) in changes) values[name] = value;
        return QueryHelpers.AddQueryString("", values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }

}

/// <summary>Resource keys of the filter choices, composed in one place (the views pass them to the localizer).</summary>
public static class DashboardTextKeys
{
    public static string Channel(string channel) => "Dashboard.Channel." + channel;

    public static string Dimension(string dimension) => "Dashboard.Dimension." + dimension;


    public static string Granularity(string granularity) => "Dashboard.Granularity." + granularity;
}
