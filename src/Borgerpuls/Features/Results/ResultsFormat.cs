using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Borgerpuls.Localization;
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

    /// <summary>The results as a text table for a terminal, worded in <paramref name="culture"/>; the figures are written the
    /// same in every language (a point as decimal mark, aligned in columns).</summary>
    public static string ToTable(ResultsReport report, CultureInfo culture)
    {
        string T(string key, params object?[] args) => SharedTexts.Format(culture, key, args);
        var text = new StringBuilder();
        text.AppendLine(T("ResultsTable.Header", report.Instrument, report.K, report.Period.From ?? "…", report.Period.To ?? "…", report.LeftOutKioskRepeats));
        foreach (var g in report.Groups)
        {
            text.AppendLine().AppendLine($"{g.Label} ({(g.Suppressed ? Hidden(g.SuppressedReason, report.K, culture) : T("ResultsTable.Respondents", g.Respondents))})");
            text.AppendLine($"  {T("ResultsTable.Question"),-22} {T("ResultsTable.Base"),6} {T("ResultsTable.Positive"),6} {T("ResultsTable.Neutral"),6} {T("ResultsTable.Negative"),6} {T("ResultsTable.Mean"),5}  {T("ResultsTable.Interval")}");
            foreach (var q in g.Questions)
            {
                text.AppendLine(q.Suppressed
                    ? $"  {q.Key,-22} {Hidden(q.SuppressedReason, report.K, culture)}"
                    : string.Create(CultureInfo.InvariantCulture, $"  {q.Key,-22} {q.Base,6} {Percent(q.Positive),6} {Percent(q.Neutral),6} {Percent(q.Negative),6} {q.Mean,5:0.00}  [{Percent(q.PositiveCi?[0])}; {Percent(q.PositiveCi?[1])}]"));
            }
            if (g.Average is { } a)
            {
                text.AppendLine(T("ResultsTable.Average", Percent(a.PositiveMeanOfQuestions), Percent(a.PositivePooled), Percent(a.NegativeMeanOfQuestions), Percent(a.NegativePooled)));
            }
            if (g.ResponseRate is { } rate)
            {
                text.AppendLine(T("ResultsTable.ResponseRate", Percent(rate.Rate), rate.Answered, rate.Offered) + (rate.Low ? T("ResultsTable.Low") : "")
                    + (rate.DiffersFromRest ? T("ResultsTable.DiffersFromGroups") : ""));
                foreach (var r in rate.ByReferral ?? [])
                {
                    text.AppendLine(T("ResultsTable.Referral", r.ReferredBy, Percent(r.Rate), r.Answered, r.Offered) + (r.DiffersFromRest ? T("ResultsTable.DiffersFromSources") : ""));
                }
            }
        }
        if (report.Targets.Count > 0)
        {
            text.AppendLine().AppendLine(T("ResultsTable.Targets"));
        }
        foreach (var t in report.Targets)
        {
            var who = t.Population ?? T("ResultsTable.AllCitizens");
            var when = TargetPeriod.Of(t.Period, culture) ?? T("ResultsTable.WholeSelection");
            var value = t.Suppressed ? Hidden(t.SuppressedReason, report.K, culture)
                : t.Metric == "mean" ? T("ResultsTable.Versus", t.Value?.ToString("0.00", CultureInfo.InvariantCulture), t.Threshold.ToString("0.00", CultureInfo.InvariantCulture))
                : T("ResultsTable.VersusPercent", Percent(t.Value), Percent(t.Threshold));
            var verdict = T(t.Met == true ? "ResultsTable.Met" : t.Met == false ? "ResultsTable.NotMet" : "ResultsTable.NoData")
                + (t.Significant == true ? T("ResultsTable.Significant") : t.Met is null ? "" : T("ResultsTable.NotSignificant"));
            text.AppendLine($"  {t.Name} [{who}; {when}]: {value} → {verdict}");
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

    public static string ToTable(PriorityMapReport map, int k, CultureInfo culture)
    {
        string T(string key, params object?[] args) => SharedTexts.Format(culture, key, args);
        var text = new StringBuilder();
        text.AppendLine(T("ResultsTable.MapHeader", map.Instrument, k, map.Suppressed ? T("ResultsTable.FewerThan", k) : T("ResultsTable.Respondents", map.Respondents))
            + (map.Overall is { } o ? T("ResultsTable.ImportanceAgainst", o) : ""));
        if (map.Questions.Count == 0)
        {
            return text.ToString();
        }
        text.AppendLine().AppendLine($"  {T("ResultsTable.Question"),-22} {"n",6} {T("ResultsTable.Satisfaction"),9} {T("ResultsTable.Importance"),10}  {T("ResultsTable.Quadrant")}");
        foreach (var q in map.Questions)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"  {q.Key,-22} {q.N,6} {(q.Satisfaction is { } sat ? sat.ToString("0.0", CultureInfo.InvariantCulture) : "–"),9} {(q.Importance is { } imp ? imp.ToString("0.000", CultureInfo.InvariantCulture) : "–"),10}  {q.Quadrant ?? "–"}"));
        }
        return text.ToString();
    }

    private static string Hidden(string? reason, int k, CultureInfo culture) => HiddenBecause.Text(reason, k, culture);

    private static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.0", CultureInfo.InvariantCulture) : "–";

    private static string Cell(object? value, CultureInfo? numbers) => value switch
    {
        null => CsvCell.Of(""),
        double or long or int => CsvCell.OfNumber((IFormattable)value, numbers ?? CultureInfo.InvariantCulture),
        IFormattable f => CsvCell.Of(f.ToString(null, numbers ?? CultureInfo.InvariantCulture)),
        _ => CsvCell.Of(value.ToString()),
    };
}
