using System.Globalization;
using Borgerpuls.Domain;
using Borgerpuls.Features.Charts;
using Borgerpuls.Features.Reports;
using Borgerpuls.Features.Results;
using Borgerpuls.Localization;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Transparency;

/// <summary>A snapshot as the public page and the analyst's preview show it, with the shared wording helpers in the
/// reader's language: "78 pct. svarede positivt – med stor sandsynlighed mellem 74 og 82 pct.".</summary>
public sealed record SnapshotView(TransparencyContent Content, DateTime? PublishedAt, int? Id)
{
    public static CultureInfo Culture => CultureInfo.CurrentCulture;

    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>A share and, where known, its 95 % interval in words.</summary>
    public static string Share(IStringLocalizer t, string key, double share, double? low, double? high) => low is { } l && high is { } h
        ? t[key + "WithInterval", ChartFormat.Percent(share, Culture), ChartFormat.Points(l, Culture), ChartFormat.Percent(h, Culture)]
        : t[key, ChartFormat.Percent(share, Culture)];

    public string Hidden(string? reason) => HiddenBecause.Text(reason, Content.K, CultureInfo.CurrentUICulture);

    public static string Period(PeriodInfo period) => TargetPeriod.Of(period, Culture) ?? "";

    /// <summary>One decimal for a share, two for a mean: a target is judged on the unrounded value.</summary>
    public static string Figure(PublicTarget target, double value) =>
        target.Metric == "mean" ? value.ToString("N2", Culture) : ChartFormat.Percent(value, Culture, 1);

    public static string Threshold(PublicTarget target) =>
        target.Metric == "mean" ? target.Threshold.ToString("N2", Culture) : ChartFormat.Threshold(target.Threshold, Culture);

    public static string Date(DateOnly date) => new ReportText(Culture).Date(date);

    public static string When(DateTime utc) => DanishTime.Format(DanishTime.OfUtc(utc), Culture);

    public static string StatusKey(ActionStatus status) => Actions.ActionScope.StatusKey(status);

    /// <summary>A text kept per language, and whether it is the Danish text standing in for a missing translation.</summary>
    public static (string Text, bool Danish) In(LocalizedText text) => text.In(Language);
}
