namespace Borgerpuls.Data.Aggregates;

/// <summary>The cubes aggregates are kept in. The main cube carries the organisation, target group and channel; the small
/// cubes carry one extra dimension each with the job centre, so that every breakdown of SPEC §5 is served without a cube
/// whose size would grow towards the number of responses.</summary>
public enum Cube
{
    Main = 0,
    MeetingType = 1,
    Language = 2,
    Offer = 3,

    /// <summary>Kiosk presses only, by site and unit and local hour of the week: the kiosk heat map (SPEC §5). Kept apart so
    /// that the other cubes do not multiply by 168 hours.</summary>
    KioskClock = 4,

    /// <summary>One cell per response per background variable it carries (the variable and its code, with the job centre):
    /// breakdowns by background variable. A response without the variable is in no cell of it.</summary>
    Background = 5,
}

/// <summary>One cell of a cube: the respondents of one instrument in one month with one combination of dimensions.
/// "None" is 0 or "" rather than null, so that the unique key (and ON CONFLICT upserts) treat it as a value.</summary>
public sealed class AggregateCell
{
    public long Id { get; set; }
    public Cube Cube { get; set; }
    public int InstrumentId { get; set; }
    public int Month { get; set; }
    public int JobCentreId { get; set; }
    public int SiteId { get; set; }
    public int UnitId { get; set; }
    public int OfferId { get; set; }
    public int TargetGroupId { get; set; }
    public string Channel { get; set; } = "";
    public string MeetingType { get; set; } = "";
    public string Language { get; set; } = "";
    public bool Repeat { get; set; }

    /// <summary>The local hour of the week in the kiosk cube (1–168), 0 elsewhere.</summary>
    public int Clock { get; set; }
    public string BackgroundKey { get; set; } = "";
    public string BackgroundCode { get; set; } = "";
    public long Respondents { get; set; }

    /// <summary>The generation of the last commit that changed the cell: a process that holds an older generation in
    /// memory reads only the cells above it.</summary>
    public long Generation { get; set; }
}

/// <summary>How many respondents in a cell chose an option of a question.</summary>
public sealed class AggregateOption
{
    public long CellId { get; set; }
    public required string QuestionKey { get; set; }
    public required string OptionCode { get; set; }
    public long Count { get; set; }
}

/// <summary>Sums for the Pearson correlation between a question (x) and the overall question (y; without one, the
/// respondent's mean of the other scale questions) over respondents who answered both within the base.</summary>
public sealed class AggregatePair
{
    public long CellId { get; set; }
    public required string QuestionKey { get; set; }
    public long N { get; set; }
    public double SumX { get; set; }
    public double SumY { get; set; }
    public double SumXX { get; set; }
    public double SumYY { get; set; }
    public double SumXY { get; set; }
}

/// <summary>A counter bumped by every aggregate write, so a process can tell that another one changed the aggregates.</summary>
public sealed class AggregateState
{
    public int Id { get; set; }
    public long Generation { get; set; }
}
