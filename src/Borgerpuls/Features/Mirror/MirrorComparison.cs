using System.Globalization;
using Borgerpuls.Analysis;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Features.Results;
using Borgerpuls.Security;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Mirror;

/// <summary>One side of a comparison: the positive share over the question's base, or why it is not shown
/// (<see cref="HiddenBecause"/>; a target group without a single answer is "fewer than k" too).</summary>
public sealed record MirrorSide(long? Positive, long? Base, string? SuppressedReason)
{
    public static readonly MirrorSide None = new(null, null, HiddenBecause.FewerThanK);

    public bool Shown => SuppressedReason is null && Base > 0;
    public double? Share => Shown ? (double)Positive!.Value / Base!.Value : null;
}

/// <summary>One question: the citizens' positive share beside staff's expected positive share, and the gap in percentage
/// points (citizens minus staff; positive when citizens are more positive than staff expected) with its test.</summary>
public sealed record MirrorRow(string Key, int Number, LocalizedText Texts, MirrorSide Citizens, MirrorSide Staff, ComparisonResult? Test)
{
    public double? GapPoints => Test is { } t ? t.Difference * 100 : null;
}

/// <summary>A target group (or the total, with a null key).</summary>
public sealed record MirrorGroup(string? TargetGroup, string Label, IReadOnlyList<MirrorRow> Questions);

public sealed record MirrorReport(string CitizenInstrument, LocalizedText CitizenNames, string MirrorInstrument, LocalizedText MirrorNames,
    DateOnly? From, DateOnly? To, int K, IReadOnlyList<MirrorGroup> Groups)
{
    /// <summary>Whether any staff answer is in the selection (a target group of the mirror has answers, shown or not).</summary>
    public bool StaffAnswered { get; init; }
}

/// <summary>The mirror survey (SPEC §3): per question, matched by key, and per target group plus the total, the citizens'
/// positive share beside the positive share staff expected, and whether the gap is significant (two-proportion z-test,
/// Fisher's exact test for small counts: <see cref="Comparison.Proportions"/>). Both sides are ordinary results queries of
/// their own instrument, so each side gets the viewer's job-centre scope, the anonymity threshold with complementary
/// suppression and the differencing guard's ledger exactly as any results view does; staff answers never enter the
/// citizen instrument's figures, since they belong to the mirror instrument.</summary>
public static class MirrorComparison
{
    /// <summary>The citizen instruments that have a published mirror, with their (first) mirror: citizen key → mirror key.</summary>
    public static async Task<Dictionary<string, string>> MirroredAsync(BorgerpulsDb db, CancellationToken ct)
    {
        var rows = await db.Instruments.AsNoTracking()
            .Where(i => i.Kind == InstrumentKind.Mirror && i.MirrorOf != null && i.Versions.Any(v => v.PublishedAt != null))
            .OrderBy(i => i.Key).Select(i => new { Citizen = i.MirrorOf!.Key, Mirror = i.Key }).ToListAsync(ct);
        return rows.GroupBy(r => r.Citizen, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Mirror, StringComparer.Ordinal);
    }

    /// <summary>The dimensions both sides share: staff answer per job centre about a target group, so a selection narrowed to
    /// anything else (a site, a team, a channel) has no comparison.</summary>
    public static readonly IReadOnlySet<Dimension> Filters = new HashSet<Dimension> { Dimension.JobCentre, Dimension.TargetGroup, Dimension.TargetGroupSet };

    /// <summary>The comparison for <paramref name="citizenInstrument"/> over the months <paramref name="from"/>–<paramref name="to"/>
    /// (null: without limit), narrowed by <paramref name="where"/> (only <see cref="Filters"/>); null when the instrument has no
    /// mirror or the selection is narrowed by another dimension.</summary>
    public static async Task<MirrorReport?> RunAsync(BorgerpulsDb db, BorgerpulsDbFactory databases, string citizenInstrument, DateOnly? from, DateOnly? to,
        IReadOnlyDictionary<Dimension, string> where, Viewer viewer, int k, CancellationToken ct)
    {
        if (where.Keys.Any(d => !Filters.Contains(d))) return null;
        if (!(await MirroredAsync(db, ct)).TryGetValue(citizenInstrument, out var mirrorInstrument)) return null;
        var versionId = await db.InstrumentVersions.LatestPublished(citizenInstrument).Select(v => v.Id).FirstAsync(ct);
        var definition = await databases.Catalog.VersionAsync(versionId, ct);
        var mirrorNames = await db.Instruments.Where(i => i.Key == mirrorInstrument).Select(i => i.Names).SingleAsync(ct);

        ResultsRequest Request(string instrument, Dimension? by) => new(instrument) { From = from, To = to, Where = where, By = by };
        var citizens = await ResultsQuery.FiguresAsync(db, databases, Request(citizenInstrument, null), viewer, k, ct);
        var citizensByGroup = await ResultsQuery.FiguresAsync(db, databases, Request(citizenInstrument, Dimension.TargetGroup), viewer, k, ct);
        var staff = await ResultsQuery.FiguresAsync(db, databases, Request(mirrorInstrument, null), viewer, k, ct);
        var staffByGroup = await ResultsQuery.FiguresAsync(db, databases, Request(mirrorInstrument, Dimension.TargetGroup), viewer, k, ct);

        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var groups = new List<MirrorGroup> { Group(null, CellSelection.GroupLabels(language).Total, definition, citizens.Groups.SingleOrDefault(), staff.Groups.SingleOrDefault()) };
        // Target groups as the results name them; answers without a target group ("") only count in the total, since staff
        // always say whom their expectation is about.
        static string? KeyOf(GroupResult g) => g.Key.GetValueOrDefault("targetGroup") is { Length: > 0 } key ? key : null;
        var citizenGroups = citizensByGroup.Groups.Where(g => KeyOf(g) is not null).ToDictionary(g => KeyOf(g)!, StringComparer.Ordinal);
        var staffGroups = staffByGroup.Groups.Where(g => KeyOf(g) is not null).ToDictionary(g => KeyOf(g)!, StringComparer.Ordinal);
        var labels = citizensByGroup.Groups.Concat(staffByGroup.Groups).Where(g => KeyOf(g) is not null).GroupBy(KeyOf).ToDictionary(g => g.Key!, g => g.First().Label, StringComparer.Ordinal);
        foreach (var (key, label) in labels.OrderBy(l => l.Value, StringComparer.Ordinal))
        {
            groups.Add(Group(key, label, definition, citizenGroups.GetValueOrDefault(key), staffGroups.GetValueOrDefault(key)));
        }
        return new MirrorReport(citizenInstrument, definition.Names, mirrorInstrument, mirrorNames, from, to, k, groups) { StaffAnswered = staffByGroup.Groups.Count > 0 };
    }

    /// <summary>Per question of the citizen instrument: each side's figures where its query showed them; a question the mirror
    /// does not ask has no staff side.</summary>
    private static MirrorGroup Group(string? key, string label, InstrumentDefinition definition, GroupResult? citizens, GroupResult? staff)
    {
        var rows = new List<MirrorRow>();
        foreach (var question in definition.Questions.Where(q => q.Type is QuestionType.Scale or QuestionType.YesNo))
        {
            var citizenSide = Side(citizens, question.Key);
            var staffSide = Side(staff, question.Key);
            var test = citizenSide.Shown && staffSide.Shown
                ? Comparison.Proportions(citizenSide.Positive!.Value, citizenSide.Base!.Value, staffSide.Positive!.Value, staffSide.Base!.Value)
                : null;
            rows.Add(new MirrorRow(question.Key, definition.NumberOf(question.Key)!.Value, question.Texts, citizenSide, staffSide, test));
        }
        return new MirrorGroup(key, label, rows);
    }

    private static MirrorSide Side(GroupResult? group, string questionKey)
    {
        if (group is null) return MirrorSide.None;
        if (group.Suppressed) return new MirrorSide(null, null, group.SuppressedReason ?? HiddenBecause.FewerThanK);
        if (group.Questions.FirstOrDefault(q => q.Key == questionKey) is not { } question) return MirrorSide.None;
        if (question.Suppressed || question.Figures is null) return new MirrorSide(null, null, question.SuppressedReason ?? HiddenBecause.FewerThanK);
        // A question whose base is empty (only "ved ikke") has nothing to compare.
        return question.Figures.Base == 0 ? MirrorSide.None : new MirrorSide(question.Figures.Positive, question.Figures.Base, null);
    }
}
