using System.Globalization;
using Borgerpuls.Data;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Shared;

/// <summary>One entry of a drop-down or checkbox list: the key the form sends and the name a person reads.</summary>
public sealed record Choice(string Value, string Label);

/// <summary>The lists staff pick from on every page, by name in the reader's language and ordered by that name. Keys
/// stay the values, so forms, the API and the command line keep speaking the same language. A retired part of the
/// organisation is not offered for new work; the <c>…NamesAsync</c> lists, which also hold retired ones, name what existing data refers to.</summary>
public static class Choices
{
    public static async Task<List<Choice>> InstrumentsAsync(BorgerpulsDb db, CancellationToken ct = default)
    {
        var rows = await db.Instruments.AsNoTracking().Select(i => new { i.Key, i.Names }).ToListAsync(ct);
        return Named(rows.Select(r => new Choice(r.Key, r.Names.In(Language).Text)));
    }

    /// <summary>The instruments citizens answer: where figures are read as the citizens' (dashboard, targets, actions, the
    /// transparency page), a mirror instrument's staff answers must not be offered (docs/mirror-survey.md).</summary>
    public static async Task<List<Choice>> CitizenInstrumentsAsync(BorgerpulsDb db, CancellationToken ct = default)
    {
        var rows = await db.Instruments.AsNoTracking().Where(i => i.Kind != Domain.InstrumentKind.Mirror).Select(i => new { i.Key, i.Names }).ToListAsync(ct);
        return Named(rows.Select(r => new Choice(r.Key, r.Names.In(Language).Text)));
    }

    public static Task<List<Choice>> TargetGroupsAsync(BorgerpulsDb db, CancellationToken ct = default) => TargetGroupListAsync(db, false, [], ct);

    /// <summary>As <see cref="TargetGroupsAsync(BorgerpulsDb, CancellationToken)"/>, also with the retired ones in <paramref name="keep"/>:
    /// what the item being edited already names, so saving it unchanged does not drop them.</summary>
    public static Task<List<Choice>> TargetGroupsAsync(BorgerpulsDb db, IReadOnlyCollection<string?> keep, CancellationToken ct = default) => TargetGroupListAsync(db, false, keep, ct);

    /// <summary>Every target group, also retired ones: for naming what existing data refers to.</summary>
    public static Task<List<Choice>> TargetGroupNamesAsync(BorgerpulsDb db, CancellationToken ct = default) => TargetGroupListAsync(db, true, [], ct);

    private static async Task<List<Choice>> TargetGroupListAsync(BorgerpulsDb db, bool withRetired, IReadOnlyCollection<string?> keep, CancellationToken ct)
    {
        var kept = Kept(keep);
        // Target groups keep their configured order (Position), the order of the municipality's own reports.
        var rows = await db.TargetGroups.AsNoTracking().Where(g => withRetired || g.RetiredAt == null || kept.Contains(g.Key)).OrderBy(g => g.Position).ThenBy(g => g.Key).Select(g => new { g.Key, g.Names }).ToListAsync(ct);
        return Distinguished(rows.Select(r => new Choice(r.Key, r.Names.In(Language).Text)));
    }

    public static Task<List<Choice>> TargetGroupSetsAsync(BorgerpulsDb db, CancellationToken ct = default) => TargetGroupSetListAsync(db, false, [], ct);

    /// <summary>Also with the retired ones in <paramref name="keep"/> (see <see cref="TargetGroupsAsync(BorgerpulsDb, IReadOnlyCollection{string?}, CancellationToken)"/>).</summary>
    public static Task<List<Choice>> TargetGroupSetsAsync(BorgerpulsDb db, IReadOnlyCollection<string?> keep, CancellationToken ct = default) => TargetGroupSetListAsync(db, false, keep, ct);

    /// <summary>Every target group set, also retired ones: for naming what existing data refers to.</summary>
    public static Task<List<Choice>> TargetGroupSetNamesAsync(BorgerpulsDb db, CancellationToken ct = default) => TargetGroupSetListAsync(db, true, [], ct);

    private static async Task<List<Choice>> TargetGroupSetListAsync(BorgerpulsDb db, bool withRetired, IReadOnlyCollection<string?> keep, CancellationToken ct)
    {
        var kept = Kept(keep);
        var rows = await db.TargetGroupSets.AsNoTracking().Where(s => withRetired || s.RetiredAt == null || kept.Contains(s.Key)).Select(s => new { s.Key, s.Names }).ToListAsync(ct);
        return Named(rows.Select(r => new Choice(r.Key, r.Names.In(Language).Text)));
    }

    public static Task<List<Choice>> JobCentresAsync(BorgerpulsDb db, CancellationToken ct = default) => JobCentresAsync(db, [], ct);

    /// <summary>Also with the retired ones in <paramref name="keep"/> (see <see cref="TargetGroupsAsync(BorgerpulsDb, IReadOnlyCollection{string?}, CancellationToken)"/>).</summary>
    public static async Task<List<Choice>> JobCentresAsync(BorgerpulsDb db, IReadOnlyCollection<string?> keep, CancellationToken ct = default)
    {
        var kept = Kept(keep);
        return Named(await db.JobCentres.AsNoTracking().Where(j => j.RetiredAt == null || kept.Contains(j.Key)).Select(j => new Choice(j.Key, j.Name)).ToListAsync(ct));
    }

    /// <summary>The sites of one job centre, or of all when <paramref name="jobCentreKey"/> is null.</summary>
    public static Task<List<Choice>> SitesAsync(BorgerpulsDb db, string? jobCentreKey = null, CancellationToken ct = default) => SitesAsync(db, jobCentreKey, [], ct);

    /// <summary>Also with the retired ones in <paramref name="keep"/>.</summary>
    public static async Task<List<Choice>> SitesAsync(BorgerpulsDb db, string? jobCentreKey, IReadOnlyCollection<string?> keep, CancellationToken ct = default)
    {
        var kept = Kept(keep);
        return Named(await db.Sites.AsNoTracking().Where(s => s.RetiredAt == null || kept.Contains(s.Key)).Where(s => jobCentreKey == null || s.JobCentre!.Key == jobCentreKey).Select(s => new Choice(s.Key, s.Name)).ToListAsync(ct));
    }

    /// <summary>The teams (units) of one site, or of all when <paramref name="siteKey"/> is null.</summary>
    public static Task<List<Choice>> UnitsAsync(BorgerpulsDb db, string? siteKey = null, CancellationToken ct = default) => UnitsAsync(db, siteKey, [], ct);

    /// <summary>Also with the retired ones in <paramref name="keep"/>.</summary>
    public static async Task<List<Choice>> UnitsAsync(BorgerpulsDb db, string? siteKey, IReadOnlyCollection<string?> keep, CancellationToken ct = default)
    {
        var kept = Kept(keep);
        return Named(await db.Units.AsNoTracking().Where(u => u.RetiredAt == null || kept.Contains(u.Key)).Where(u => siteKey == null || u.Site!.Key == siteKey).Select(u => new Choice(u.Key, u.Name)).ToListAsync(ct));
    }

    public static async Task<List<Choice>> CampaignsAsync(BorgerpulsDb db, CancellationToken ct = default) =>
        Named(await db.Campaigns.AsNoTracking().Select(c => new Choice(c.Key, c.Name)).ToListAsync(ct));

    private static List<string> Kept(IReadOnlyCollection<string?> keep) => keep.OfType<string>().ToList();

    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    private static List<Choice> Named(IEnumerable<Choice> choices) =>
        Distinguished(choices.OrderBy(c => c.Label, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true)).ThenBy(c => c.Value, StringComparer.Ordinal));

    /// <summary>Two entries with the same name (or an entry without one) also show their key, so the reader can tell
    /// which is which.</summary>
    private static List<Choice> Distinguished(IEnumerable<Choice> choices)
    {
        var list = choices.ToList();
        var twice = list.GroupBy(c => c.Label, StringComparer.CurrentCultureIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key)
            .ToHashSet(StringComparer.CurrentCultureIgnoreCase);
        return list.Select(c => string.IsNullOrWhiteSpace(c.Label) ? c with { Label = c.Value }
            : twice.Contains(c.Label) ? c with { Label = $"{c.Label} ({c.Value})" } : c).ToList();
    }
}
