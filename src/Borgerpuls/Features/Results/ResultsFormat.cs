using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Borgerpuls.Security;

namespace Borgerpuls.Features.Results;

/// <summary>Writes results as the SPEC §6 JSON, as CSV (one row per group × question, formula-safe) or as a text table.</summary>
public static class ResultsFormat
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string ToJson<T>(T report) => JsonSerializer.Serialize(report, Json) + "\n";

    /// <summary>CSV as Danish Excel opens it with a double click: semicolons, decimal commas, UTF-8 with a byte-order mark.</summary>
    public static string DanishExcel(Func<char, CultureInfo, string> csv) => "\uFEFF" + csv(';', Danish);

    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public static string ToCsv(ResultsReport report, char delimiter = ',', CultureInfo? numbers = null)
    {
        var csv = new StringBuilder();
        void Row(params object?[] cells) => csv.Append(string.Join(delimiter, cells.Select(c => Cell(c, numbers)))).Append("\r\n");
        Row("instrument", "group", "label", "respondents", "question", "base", "positive", "neutral", "negative", "excluded", "mean", "positive_ci_low", "positive_ci_high", "suppressed", "suppressed_reason");
        foreach (var g in report.Groups)
        {
            foreach (var q in g.Questions)
            {
                Row(report.Instrument, string.Join("/", g.Key.Values), g.Label, g.Respondents, q.Key, q.Base, q.Positive, q.Neutral, q.Negative, q.Excluded, q.Mean,
                    q.PositiveCi?[0], q.PositiveCi?[1], q.Suppressed ? "true" : "false", q.SuppressedReason);
            }
        }
        return csv.ToString();
    }

    public static string ToTable(ResultsReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{report.Instrument}  k={report.K}  period {report.Period.From ?? "…"} – {report.Period.To ?? "…"}  left-out kiosk repeats: {report.LeftOutKioskRepeats}");
        foreach (var g in report.Groups)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{g.Label} ({(g.Suppressed ? Hidden(g.SuppressedReason, report.K) : $"{g.Respondents} respondents")})");
            text.AppendLine(CultureInfo.InvariantCulture, $"  {"question",-22} {"base",6} {"pos %",6} {"neu %",6} {"neg %",6} {"mean",5}  95 % CI positive");
            foreach (var q in g.Questions)
            {
                text.AppendLine(q.Suppressed
                    ? $"  {q.Key,-22} {Hidden(q.SuppressedReason, report.K)}"
                    : string.Create(CultureInfo.InvariantCulture, $"  {q.Key,-22} {q.Base,6} {Percent(q.Positive),6} {Percent(q.Neutral),6} {Percent(q.Negative),6} {q.Mean,5:0.00}  [{Percent(q.PositiveCi?[0])}; {Percent(q.PositiveCi?[1])}]"));
            }
            if (g.Average is { } a)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  average: positive {Percent(a.PositiveMeanOfQuestions)} % (mean of questions), {Percent(a.PositivePooled)} % (pooled); negative {Percent(a.NegativeMeanOfQuestions)} % / {Percent(a.NegativePooled)} %");
            }
            if (g.ResponseRate is { } rate)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  response rate: {Percent(rate.Rate)} % ({rate.Answered} of {rate.Offered}){(rate.Low ? ", low" : "")}{(rate.DiffersFromRest ? ", differs from the other groups" : "")}");
                foreach (var r in rate.ByReferral ?? [])
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"    invitations referred by {r.ReferredBy}: {Percent(r.Rate)} % ({r.Answered} of {r.Offered}){(r.DiffersFromRest ? ", differs from the other sources" : "")}");
                }
            }
        }
        if (report.Targets.Count > 0)
        {
            text.AppendLine().AppendLine("targets (each on its own population and year)");
        }
        foreach (var t in report.Targets)
        {
            var who = t.Population ?? "all citizens";
            var when = TargetPeriod.Of(t.Period, CultureInfo.InvariantCulture) ?? "whole selection";
            var value = t.Suppressed ? Hidden(t.SuppressedReason, report.K) : t.Metric == "mean" ? string.Create(CultureInfo.InvariantCulture, $"{t.Value:0.00} vs {t.Threshold:0.00}") : $"{Percent(t.Value)} % vs {Percent(t.Threshold)} %";
            text.AppendLine(CultureInfo.InvariantCulture, $"  {t.Name} [{who}; {when}]: {value} → {(t.Met == true ? "met" : t.Met == false ? "not met" : "no data")}{(t.Significant == true ? " (significant)" : t.Met is null ? "" : " (not significantly different)")}");
        }
        return text.ToString();
    }

    /// <summary>The priority map, one row per question (satisfaction in percent positive, importance as a correlation).</summary>
    public static string ToCsv(PriorityMapReport map, char delimiter = ',', CultureInfo? numbers = null)
    {
        var csv = new StringBuilder();
        void Row(params object?[] cells) => csv.Append(string.Join(delimiter, cells.Select(c => Cell(c, numbers)))).Append("\r\n");
        Row("instrument", "respondents", "question", "n", "satisfaction", "importance", "quadrant", "suppressed", "unavailable");
        if (map.Questions.Count == 0)
        {
            Row(map.Instrument, map.Suppressed ? null : map.Respondents, null, null, null, null, null, map.Suppressed ? "true" : "false", map.Unavailable);
        }
        foreach (var q in map.Questions)
        {
            Row(map.Instrument, map.Respondents, q.Key, q.N, q.Satisfaction, q.Importance, q.Quadrant, "false", map.Unavailable);
        }
        return csv.ToString();
    }

    public static string ToTable(PriorityMapReport map, int k)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{map.Instrument}  k={k}  priority map  {(map.Suppressed ? $"fewer than {k} respondents" : $"{map.Respondents} respondents")}{(map.Overall is { } o ? $"  importance against {o}" : "")}");
        if (map.Questions.Count == 0)
        {
            return text.ToString();
        }
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"  {"question",-22} {"n",6} {"satisf. %",9} {"importance",10}  quadrant");
        foreach (var q in map.Questions)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"  {q.Key,-22} {q.N,6} {(q.Satisfaction is { } sat ? sat.ToString("0.0", CultureInfo.InvariantCulture) : "–"),9} {(q.Importance is { } imp ? imp.ToString("0.000", CultureInfo.InvariantCulture) : "–"),10}  {q.Quadrant ?? "–"}"));
        }
        return text.ToString();
    }

    // The command line speaks English.
    private static string Hidden(string? reason, int k) => HiddenBecause.Text(reason, k, CultureInfo.GetCultureInfo("en"));

    private static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.0", CultureInfo.InvariantCulture) : "–";

    private static string Cell(object? value, CultureInfo? numbers) => value switch
    {
        null => CsvCell.Of(""),
        double or long or int => CsvCell.OfNumber((IFormattable)value, numbers ?? CultureInfo.InvariantCulture),
        IFormattable f => CsvCell.Of(f.ToString(null, numbers ?? CultureInfo.InvariantCulture)),
        _ => CsvCell.Of(value.ToString()),
    };
}
