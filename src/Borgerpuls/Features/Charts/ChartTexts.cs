namespace Borgerpuls.Features.Charts;

/// <summary>The legends, axes and column names of the share bars and the trend, from the resources: the dashboard and the
/// committee report draw the same charts, so they are labelled alike in both.</summary>
internal static class ChartTexts
{
    /// <param name="t">The text of a resource key in the reader's language.</param>
    public static ShareBarsText Bars(Func<string, string> t, string suppressed, string complementary) => new(
        t("Dashboard.Question"), t("Dashboard.Group"), t("Dashboard.Positive"), t("Dashboard.Neutral"), t("Dashboard.Negative"),
        t("Dashboard.Interval"), t("Dashboard.Low"), t("Dashboard.High"), t("Dashboard.Base"), t("Dashboard.Note"), suppressed, t("Dashboard.ShareAxis"))
    {
        Complementary = complementary,
        DiffersFromRest = t("Dashboard.DiffersFromRest"),
    };

    public static TrendText Trend(Func<string, string> t, string suppressed) => new(
        t("Dashboard.Series"), t("Dashboard.Period"), t("Dashboard.PositiveAverage"), t("Dashboard.Low"), t("Dashboard.High"), t("Dashboard.Respondents"),
        t("Dashboard.Note"), t("Dashboard.Trend.Changed"), suppressed, t("Dashboard.PositiveAxis"));
}
