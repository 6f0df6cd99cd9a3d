namespace Borgerpuls.Domain;

/// <summary>The kinds of meeting a response or an invitation can be about. A fixed list of keys, never free text: the meeting
/// type becomes a group label in breakdowns, and a free-text field there is where a name or a CPR number would end up. The
/// labels are in the resources (<c>Tablet.Meeting.{key}</c>).</summary>
public static class MeetingType
{
    public static readonly IReadOnlyList<string> All = ["samtale", "opfoelgning", "visitation", "rundbordssamtale"];

    public static bool IsKnown(string? value) => value is not null && All.Contains(value, StringComparer.Ordinal);
}
