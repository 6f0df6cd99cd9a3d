using System.Globalization;
using System.Resources;
using Borgerpuls.Localization;

namespace Borgerpuls.Features.Reports;

/// <summary>The report's texts (resource keys <c>Report.*</c>, Danish first) and number formatting in the report's culture:
/// "79 pct." and a decimal comma in Danish, "79%" in English.</summary>
public sealed class ReportText(CultureInfo culture)
{
    private static readonly ResourceManager Resources = new(typeof(SharedResource));

    public CultureInfo Culture { get; } = culture;

    public string Language => Culture.TwoLetterISOLanguageName;

    public string this[string key] => Resources.GetString("Report." + key, Culture) ?? throw new InvalidOperationException($"Missing text Report.{key}");

    public string Format(string key, params object[] args) => string.Format(Culture, this[key], args);

    /// <summary>Whole percent, as the committee documents print shares; the workbook keeps the unrounded value.</summary>
    public string Percent(double share) => Format("Percent", Math.Round(share * 100, MidpointRounding.AwayFromZero).ToString("0", Culture));

    public string Decimal(double value, int decimals = 1) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Culture);

    public string Count(long value) => value.ToString("N0", Culture);

    /// <summary>A period key as the dashboard says it: "2025-Q2" → "2. kvt. 2025", "2025-04" → "april 2025".</summary>
    public string Period(string key) =>
        Dashboard.PeriodLabel.Of(key, (name, args) => string.Format(Culture, Resources.GetString(name, Culture) ?? name, args), Culture);

    public string Date(DateOnly date) => date.ToString(this["DateFormat"], Culture);

    public string Suppressed(int k, string? reason = null) => Results.HiddenBecause.Text(reason, k, Culture);

    public ReportCell ShareCell(double? share, bool suppressed, int k, string? reason = null) => suppressed
        ? new ReportCell(Suppressed(k, reason), CellKind.Suppressed)
        : share is { } s ? new ReportCell(Percent(s), CellKind.Share, s) : new ReportCell("–");

    public ReportCell CountCell(long? count, bool suppressed, int k, string? reason = null) => suppressed
        ? new ReportCell(Suppressed(k, reason), CellKind.Suppressed)
        : count is { } c ? new ReportCell(Count(c), CellKind.Count, c) : new ReportCell("–");

    public ReportCell DecimalCell(double? value, int decimals = 1) =>
        value is { } v && !double.IsNaN(v) ? new ReportCell(Decimal(v, decimals), CellKind.Decimal, v) : new ReportCell("–");

    /// <summary>"'meget tilfreds' eller 'tilfreds'" — the answers a share counts, as seed 004 writes under each question.</summary>
    public string Alternatives(IReadOnlyList<string> labels) => labels.Count switch
    {
        0 => "",
        1 => $"'{labels[0]}'",
        _ => string.Join(", ", labels.SkipLast(1).Select(l => $"'{l}'")) + $" {this["Or"]} '{labels[^1]}'",
    };
}
