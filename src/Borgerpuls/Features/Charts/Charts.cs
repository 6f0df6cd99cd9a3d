namespace Borgerpuls.Features.Charts;

/// <summary>A chart as data, with its texts already in the reader's language: the renderer draws it, the table shows it.</summary>
public abstract record Chart(string Title, string Description)
{
    public abstract ChartTable Table { get; }
}

/// <summary>Per question and group, the positive/neutral/negative split of the base, with the positive share's interval.</summary>
public sealed record ShareBarsChart(string Title, string Description, ShareBarsText Text, IReadOnlyList<ShareBar> Bars) : Chart(Title, Description)
{
    public override ChartTable Table => new(
        [new(Text.Question), new(Text.Group), new(Text.Positive, ColumnKind.Share), new(Text.Neutral, ColumnKind.Share), new(Text.Negative, ColumnKind.Share),
         new(Text.Interval + " – " + Text.Low, ColumnKind.Share), new(Text.Interval + " – " + Text.High, ColumnKind.Share), new(Text.Base, ColumnKind.Count), new(Text.Note)],
        Bars.Select(b => new object?[] { b.Question, b.Group, b.Positive, b.Neutral, b.Negative, b.PositiveLow, b.PositiveHigh, b.Base, b.Suppressed ? Text.HiddenLabel(b) : b.DiffersFromRest ? Text.DiffersFromRest : null }).ToList());
}

public sealed record ShareBarsText(string Question, string Group, string Positive, string Neutral, string Negative, string Interval, string Low, string High,
    string Base, string Note, string Suppressed, string Axis)
{
    /// <summary>Said of a bar hidden with a small one rather than for its own base.</summary>
    public string Complementary { get; init; } = Suppressed;

    /// <summary>The note of a group whose positive share differs from the other groups' (Holm-adjusted).</summary>
    public string DiffersFromRest { get; init; } = "";

    public string HiddenLabel(ShareBar bar) => bar.Complementary ? Complementary : Suppressed;
}

public sealed record ShareBar(string Question, string Group, double? Positive, double? Neutral, double? Negative, double? PositiveLow, double? PositiveHigh, long? Base, bool Suppressed)
{
    public bool Complementary { get; init; }
    public bool DiffersFromRest { get; init; }
}

/// <summary>Series over periods (a share with its interval); a marked point changed significantly from the one before.</summary>
public sealed record TrendChart(string Title, string Description, TrendText Text, IReadOnlyList<string> Periods, IReadOnlyList<TrendSeries> Series) : Chart(Title, Description)
{
    public override ChartTable Table => new(
        [new(Text.Series), new(Text.Period), new(Text.Value, ColumnKind.Share), new(Text.Low, ColumnKind.Share), new(Text.High, ColumnKind.Share), new(Text.Respondents, ColumnKind.Count), new(Text.Note)],
        Series.SelectMany(s => Periods.Select((p, i) => s.Points[i] is { } point
            ? new object?[] { s.Name, p, point.Value, point.Low, point.High, point.Respondents, point.Significant ? Text.SignificantChange : null }
            : new object?[] { s.Name, p, null, null, null, null, Text.Suppressed })).ToList());
}

public sealed record TrendText(string Series, string Period, string Value, string Low, string High, string Respondents, string Note, string SignificantChange, string Suppressed, string Axis);

public sealed record TrendSeries(string Name, IReadOnlyList<TrendPoint?> Points);

public sealed record TrendPoint(double Value, double? Low, double? High, long? Respondents, bool Significant);

/// <summary>The priority map: satisfaction (0–100) against derived importance, split at the means into labelled quadrants.</summary>
public sealed record PriorityMapChart(string Title, string Description, PriorityMapText Text, IReadOnlyList<PriorityPoint> Points) : Chart(Title, Description)
{
    public override ChartTable Table => new(
        [new(Text.Question), new(Text.Satisfaction, ColumnKind.Number), new(Text.Importance, ColumnKind.Number), new(Text.N, ColumnKind.Count), new(Text.Quadrant)],
        Points.Select(p => new object?[] { p.Label, p.Satisfaction, p.Importance, p.N, p.Quadrant is { } q ? Text.QuadrantName(q) : Text.NotPlaced }).ToList());
}

public sealed record PriorityMapText(string Question, string Satisfaction, string Importance, string N, string Quadrant, string NotPlaced,
    string Challenge, string Strength, string SecondaryStrength, string SecondaryChallenge)
{
    public string QuadrantName(string code) => code switch
    {
        "challenge" => Challenge,
        "strength" => Strength,
        "secondary-strength" => SecondaryStrength,
        _ => SecondaryChallenge,
    };
}

public sealed record PriorityPoint(string Label, double? Satisfaction, double? Importance, long N, string? Quadrant);

/// <summary>Kiosk presses by local weekday and hour: the positive share per hour, suppressed below the threshold.</summary>
public sealed record HeatMapChart(string Title, string Description, HeatMapText Text, IReadOnlyList<string> Weekdays, IReadOnlyList<HeatCell> Cells) : Chart(Title, Description)
{
    public override ChartTable Table => new(
        [new(Text.Weekday), new(Text.Hour), new(Text.Presses, ColumnKind.Count), new(Text.Positive, ColumnKind.Share), new(Text.Note)],
        Cells.OrderBy(c => c.Weekday).ThenBy(c => c.Hour)
            .Select(c => new object?[] { Weekdays[c.Weekday], $"{c.Hour:00}–{c.Hour + 1:00}", c.Presses, c.Positive, c.Suppressed ? Text.Suppressed : null }).ToList());
}

public sealed record HeatMapText(string Weekday, string Hour, string Presses, string Positive, string Note, string Suppressed);

public sealed record HeatCell(int Weekday, int Hour, long? Presses, double? Positive, bool Suppressed);

/// <summary>Two groups or periods side by side per question; significant differences are marked.</summary>
public sealed record CompareChart(string Title, string Description, CompareText Text, string A, string B, IReadOnlyList<CompareRow> Rows) : Chart(Title, Description)
{
    public override ChartTable Table => new(
        [new(Text.Question), new(A, ColumnKind.Share), new(B, ColumnKind.Share), new(Text.Difference, ColumnKind.PercentagePoints), new(Text.PValue, ColumnKind.Number), new(Text.Note)],
        Rows.Select(r => new object?[] { r.Label, r.PositiveA, r.PositiveB, r.Difference, r.PValue, r.Suppressed ? Text.Suppressed : r.Significant ? Text.Significant : Text.NotSignificant }).ToList());
}

public sealed record CompareText(string Question, string Difference, string PValue, string Note, string Significant, string NotSignificant, string Suppressed, string Axis);

public sealed record CompareRow(string Label, double? PositiveA, double? PositiveB, double? Difference, double? PValue, bool Significant, bool Suppressed);

/// <summary>Counts per label (comment themes).</summary>
public sealed record CountBarsChart(string Title, string Description, string LabelHeader, string CountHeader, string ShareHeader, IReadOnlyList<CountBar> Bars) : Chart(Title, Description)
{
    public override ChartTable Table => new(
        [new(LabelHeader), new(CountHeader, ColumnKind.Count), new(ShareHeader, ColumnKind.Share)],
        Bars.Select(b => new object?[] { b.Label, b.Count, b.Share }).ToList());
}

public sealed record CountBar(string Label, long Count, double? Share);
