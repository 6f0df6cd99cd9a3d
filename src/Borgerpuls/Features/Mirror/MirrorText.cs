using System.Globalization;
using Borgerpuls.Features.Charts;
using Borgerpuls.Features.Results;
using Borgerpuls.Localization;

namespace Borgerpuls.Features.Mirror;

/// <summary>How a comparison row reads, in words, the same on the dashboard and in every report format: a side as
/// "75 pct. (n = 40)" or why it is hidden, the gap in signed percentage points, and the assessment, so that a significant gap
/// is said in words and never by colour alone.</summary>
public static class MirrorText
{
    public static string Side(MirrorSide side, int k, CultureInfo culture) => side.Share is { } share
        ? $"{ChartFormat.Percent(share, culture)} (n = {side.Base!.Value.ToString("N0", culture)})"
        : HiddenBecause.Text(side.SuppressedReason, k, culture);

    public static string Gap(MirrorRow row, CultureInfo culture) => row.GapPoints is { } points
        ? $"{points.ToString("+0.0;−0.0;0.0", culture)} {ChartFormat.PointsUnit(culture)}" : "–";

    /// <summary>The resource key of the row's assessment.</summary>
    public static string AssessmentKey(MirrorRow row) => row.Test switch
    {
        null => "Mirror.NotCompared",
        { Significant: false } => "Mirror.NoSignificantGap",
        { Difference: > 0 } => "Mirror.CitizensMorePositive",
        _ => "Mirror.CitizensLessPositive",
    };

    public static string Assessment(MirrorRow row, CultureInfo culture) => SharedTexts.Get(AssessmentKey(row), culture);

    public static string Question(MirrorRow row, CultureInfo culture) => $"{row.Number}. {row.Texts.In(culture.TwoLetterISOLanguageName).Text}";
}
