using System.Globalization;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Import;
using Borgerpuls.Features.Shared;
using Borgerpuls.Security;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Organisation;

/// <summary>Creates and renames the parts of the organisation. A new one gets a key made from its name (<see cref="FreeKey"/>);
/// a rename keeps the key, so devices, imports, links and <c>config export</c> keep naming it. A name is unique among its
/// siblings (the job centres of a municipality, the sites of a job centre, …; the taxonomy in the whole deployment), letter
/// case aside. Every problem is named at once and nothing is written while there is one. Audited.</summary>
public sealed class OrganisationEditor(BorgerpulsDb db, AuditLog audit)
{
    public const int MaxName = 200, MaxWindowSeconds = 3600;

    private sealed record Sibling(int Id, string Key, string Name);

    /// <summary>The key of the one created or changed, or null with the problems.</summary>
    public async Task<(string? Key, List<OrganisationProblem> Problems)> SaveAsync(OrganisationForm form, CancellationToken ct)
    {
        var problems = new List<OrganisationProblem>();
        var name = form.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxName) problems.Add(new("Org.NameRequired", MaxName));

        // Where a new one goes; a changed one stays where it is.
        var (parentId, municipalityId) = form.Id is { } id ? await PlaceOfAsync(form.Kind, id, ct) : await ParentAsync(form, problems, ct);
        if (form.Id is not null && parentId is null) return (null, [new("Org.NotFound")]);
        var siblings = await SiblingsAsync(form.Kind, parentId, ct);
        if (name.Length > 0 && siblings.Any(s => s.Id != form.Id && string.Equals(s.Name, name, StringComparison.CurrentCultureIgnoreCase)))
        {
            problems.Add(new("Org.NameTaken", name));
        }
        var window = Window(form, problems);
        var members = await MembersAsync(form, problems, ct);
        var options = Options(form, problems);
        if (problems.Count > 0) return (null, problems);

        string key;
        if (form.Id is { } existing)
        {
            key = await ChangeAsync(form.Kind, existing, name, form, window, members, options, ct);
        }
        else
        {
            var keys = KeySpace(form.Kind, municipalityId!.Value);
            var free = await FreeKey.FromNameAsync(keys, name, OrganisationKinds.Fallback(form.Kind),
                async k => (await SiblingsAsync(form.Kind, parentId, ct)).Any(s => s.Key == k && string.Equals(s.Name, name, StringComparison.CurrentCultureIgnoreCase)), ct);
            if (free is null) return (null, [new("Org.NameTaken", name)]);
            key = free;
            Add(form.Kind, key, name, parentId!.Value, municipalityId.Value, form, window, members, options);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (form.Id is null)
        {
            // The same form sent twice at once: the other copy took the key first and is the one kept.
            return (null, [new("Org.NameTaken", name)]);
        }
        var details = $"{form.Kind} {key} \"{name}\"" + (form.NameEn is { Length: > 0 } en ? $" en \"{en.Trim()}\"" : "") +
            (window is { } w ? $" window {w.ToString(CultureInfo.InvariantCulture)}s" : "") + (form.Kind == OrganisationKind.Offer ? $" provider \"{form.Provider?.Trim()}\"" : "") +
            (members is not null ? $" members {string.Join(",", members.Select(m => m.Key))}" : "") + (options is not null ? $" options {string.Join(",", options.Select(o => o.Code))}" : "");
        await audit.WriteAsync(form.Id is null ? AuditActions.OrganisationCreate : AuditActions.OrganisationRename, details, ct: ct);
        return (key, []);
    }

    /// <summary>The parent of a new one (its id and its municipality), which must exist and be in use.</summary>
    private async Task<(int? Parent, int? Municipality)> ParentAsync(OrganisationForm form, List<OrganisationProblem> problems, CancellationToken ct)
    {
        var parent = OrganisationKinds.Parent(form.Kind);
        if (parent is null) return (0, 0);
        var id = form.Parent ?? 0;
        var row = parent switch
        {
            OrganisationKind.Municipality => await db.Municipalities.Where(m => m.Id == id).Select(m => new { M = m.Id, Retired = false }).SingleOrDefaultAsync(ct),
            OrganisationKind.JobCentre => await db.JobCentres.Where(j => j.Id == id).Select(j => new { M = j.MunicipalityId, Retired = j.RetiredAt != null }).SingleOrDefaultAsync(ct),
            _ => await db.Sites.Where(s => s.Id == id).Select(s => new { M = s.MunicipalityId, Retired = s.RetiredAt != null }).SingleOrDefaultAsync(ct),
        };
        var (found, municipality, retired) = (row is not null, row?.M ?? 0, row?.Retired ?? false);
        if (!found) problems.Add(new("Org.ParentMissing"));
        else if (retired) problems.Add(new("Org.ParentRetired"));
        return found ? (id, municipality) : (null, null);
    }

    /// <summary>Where an existing one sits: its parent's id (0 for the top) and its municipality; nulls when there is none.</summary>
    internal async Task<(int? Parent, int? Municipality)> PlaceOfAsync(OrganisationKind kind, int id, CancellationToken ct)
    {
        var place = kind switch
        {
            OrganisationKind.Municipality => await db.Municipalities.Where(x => x.Id == id).Select(x => new { P = 0, M = x.Id }).SingleOrDefaultAsync(ct),
            OrganisationKind.JobCentre => await db.JobCentres.Where(x => x.Id == id).Select(x => new { P = x.MunicipalityId, M = x.MunicipalityId }).SingleOrDefaultAsync(ct),
            OrganisationKind.Site => await db.Sites.Where(x => x.Id == id).Select(x => new { P = x.JobCentreId, M = x.MunicipalityId }).SingleOrDefaultAsync(ct),
            OrganisationKind.Unit => await db.Units.Where(x => x.Id == id).Select(x => new { P = x.SiteId, M = x.MunicipalityId }).SingleOrDefaultAsync(ct),
            OrganisationKind.Offer => await db.Offers.Where(x => x.Id == id).Select(x => new { P = x.MunicipalityId, M = x.MunicipalityId }).SingleOrDefaultAsync(ct),
            OrganisationKind.TargetGroup => await db.TargetGroups.Where(x => x.Id == id).Select(x => new { P = 0, M = 0 }).SingleOrDefaultAsync(ct),
            OrganisationKind.TargetGroupSet => await db.TargetGroupSets.Where(x => x.Id == id).Select(x => new { P = 0, M = 0 }).SingleOrDefaultAsync(ct),
            _ => await db.BackgroundVariables.Where(x => x.Id == id).Select(x => new { P = 0, M = 0 }).SingleOrDefaultAsync(ct),
        };
        return place is null ? (null, null) : (place.P, place.M);
    }

    /// <summary>The ones a name must differ from: same kind, same parent. Small lists, compared in memory so letter case
    /// is ignored alike on both databases.</summary>
    private async Task<List<Sibling>> SiblingsAsync(OrganisationKind kind, int? parent, CancellationToken ct)
    {
        var p = parent ?? -1;
        return kind switch
        {
            OrganisationKind.Municipality => await db.Municipalities.AsNoTracking().Select(x => new Sibling(x.Id, x.Key, x.Name)).ToListAsync(ct),
            OrganisationKind.JobCentre => await db.JobCentres.AsNoTracking().Where(x => x.MunicipalityId == p).Select(x => new Sibling(x.Id, x.Key, x.Name)).ToListAsync(ct),
            OrganisationKind.Site => await db.Sites.AsNoTracking().Where(x => x.JobCentreId == p).Select(x => new Sibling(x.Id, x.Key, x.Name)).ToListAsync(ct),
            OrganisationKind.Unit => await db.Units.AsNoTracking().Where(x => x.SiteId == p).Select(x => new Sibling(x.Id, x.Key, x.Name)).ToListAsync(ct),
            OrganisationKind.Offer => await db.Offers.AsNoTracking().Where(x => x.MunicipalityId == p).Select(x => new Sibling(x.Id, x.Key, x.Name)).ToListAsync(ct),
            OrganisationKind.TargetGroup => Danish(await db.TargetGroups.AsNoTracking().Select(x => new { x.Id, x.Key, x.Names }).ToListAsync(ct), x => new Sibling(x.Id, x.Key, x.Names.Da)),
            OrganisationKind.TargetGroupSet => Danish(await db.TargetGroupSets.AsNoTracking().Select(x => new { x.Id, x.Key, x.Names }).ToListAsync(ct), x => new Sibling(x.Id, x.Key, x.Names.Da)),
            _ => Danish(await db.BackgroundVariables.AsNoTracking().Select(x => new { x.Id, x.Key, x.Names }).ToListAsync(ct), x => new Sibling(x.Id, x.Key, x.Names.Da)),
        };
    }

    private static List<Sibling> Danish<T>(List<T> rows, Func<T, Sibling> map) => rows.Select(map).ToList();

    /// <summary>Keys as the unique indexes hold them: sites, units, job centres and offers per municipality, the rest in the deployment.</summary>
    private IQueryable<string> KeySpace(OrganisationKind kind, int municipality) => kind switch
    {
        OrganisationKind.Municipality => db.Municipalities.Select(x => x.Key),
        OrganisationKind.JobCentre => db.JobCentres.Where(x => x.MunicipalityId == municipality).Select(x => x.Key),
        OrganisationKind.Site => db.Sites.Where(x => x.MunicipalityId == municipality).Select(x => x.Key),
        OrganisationKind.Unit => db.Units.Where(x => x.MunicipalityId == municipality).Select(x => x.Key),
        OrganisationKind.Offer => db.Offers.Where(x => x.MunicipalityId == municipality).Select(x => x.Key),
        OrganisationKind.TargetGroup => db.TargetGroups.Select(x => x.Key),
        OrganisationKind.TargetGroupSet => db.TargetGroupSets.Select(x => x.Key),
        _ => db.BackgroundVariables.Select(x => x.Key),
    };

    /// <summary>A site's kiosk repeat window in whole seconds (SPEC §5), the same range as <c>config apply</c> allows; 5 when left empty.</summary>
    private static int? Window(OrganisationForm form, List<OrganisationProblem> problems)
    {
        if (form.Kind != OrganisationKind.Site) return null;
        var text = form.Window?.Trim() ?? "";
        if (text.Length == 0) return 5;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= MaxWindowSeconds) return seconds;
        problems.Add(new("Org.BadWindow", text, MaxWindowSeconds));
        return null;
    }

    /// <summary>A set's members: target groups in use, or already members (a retired group stays in the sets it was in).</summary>
    private async Task<List<TargetGroup>?> MembersAsync(OrganisationForm form, List<OrganisationProblem> problems, CancellationToken ct)
    {
        if (form.Kind != OrganisationKind.TargetGroupSet) return null;
        var wanted = form.Members.Select(m => m.Trim()).Where(m => m.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0) problems.Add(new("Org.MembersRequired"));
        var current = form.Id is { } id ? await db.TargetGroupSets.Where(s => s.Id == id).SelectMany(s => s.Members.Select(m => m.Key)).ToListAsync(ct) : [];
        var groups = await db.TargetGroups.Where(g => wanted.Contains(g.Key)).ToListAsync(ct);
        foreach (var key in wanted.Where(k => groups.All(g => g.Key != k) || groups.Single(g => g.Key == k).RetiredAt is not null && !current.Contains(k)))
        {
            problems.Add(new("Org.UnknownMember", key));
        }
        return groups;
    }

    /// <summary>A variable's options, one label a line; the code is made from the label. Options are only added or relabelled,
    /// never removed: answers already hold their codes.</summary>
    private static List<BackgroundOption>? Options(OrganisationForm form, List<OrganisationProblem> problems)
    {
        if (form.Kind != OrganisationKind.BackgroundVariable) return null;
        var lines = (form.Options ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0 && form.Id is null) problems.Add(new("Org.OptionsRequired"));
        var options = new List<BackgroundOption>();
        foreach (var line in lines)
        {
            var code = Importer.Slug(line);
            if (code.Length == 0 || line.Length > MaxName) problems.Add(new("Org.BadOption", line));
            else if (options.Any(o => o.Code == code)) problems.Add(new("Org.OptionTwice", line));
            else options.Add(new BackgroundOption(code, LocalizedText.Of(line)));
        }
        return options;
    }

    private void Add(OrganisationKind kind, string key, string name, int parent, int municipality, OrganisationForm form, int? window, List<TargetGroup>? members, List<BackgroundOption>? options)
    {
        switch (kind)
        {
            case OrganisationKind.Municipality: db.Municipalities.Add(new Municipality { Key = key, Name = name }); break;
            case OrganisationKind.JobCentre: db.JobCentres.Add(new JobCentre { Key = key, Name = name, MunicipalityId = parent }); break;
            case OrganisationKind.Site: db.Sites.Add(new Site { Key = key, Name = name, JobCentreId = parent, MunicipalityId = municipality, KioskRepeatWindowSeconds = window!.Value }); break;
            case OrganisationKind.Unit: db.Units.Add(new Unit { Key = key, Name = name, SiteId = parent, MunicipalityId = municipality }); break;
            case OrganisationKind.Offer: db.Offers.Add(new Offer { Key = key, Name = name, MunicipalityId = parent, Provider = Blank(form.Provider) }); break;
            case OrganisationKind.TargetGroup:
                // A new group comes last in the municipality's report order.
                var position = db.TargetGroups.Max(g => (int?)g.Position) ?? 0;
                db.TargetGroups.Add(new TargetGroup { Key = key, Names = Names(null, name, form.NameEn), Position = position + 1 });
                break;
            case OrganisationKind.TargetGroupSet: db.TargetGroupSets.Add(new TargetGroupSet { Key = key, Names = Names(null, name, form.NameEn), Members = members! }); break;
            default: db.BackgroundVariables.Add(new BackgroundVariable { Key = key, Names = Names(null, name, form.NameEn), Options = options! }); break;
        }
    }

    private async Task<string> ChangeAsync(OrganisationKind kind, int id, string name, OrganisationForm form, int? window, List<TargetGroup>? members, List<BackgroundOption>? options, CancellationToken ct)
    {
        switch (kind)
        {
            case OrganisationKind.Municipality: { var x = await db.Municipalities.SingleAsync(m => m.Id == id, ct); x.Name = name; return x.Key; }
            case OrganisationKind.JobCentre: { var x = await db.JobCentres.SingleAsync(m => m.Id == id, ct); x.Name = name; return x.Key; }
            case OrganisationKind.Site: { var x = await db.Sites.SingleAsync(m => m.Id == id, ct); (x.Name, x.KioskRepeatWindowSeconds) = (name, window!.Value); return x.Key; }
            case OrganisationKind.Unit: { var x = await db.Units.SingleAsync(m => m.Id == id, ct); x.Name = name; return x.Key; }
            case OrganisationKind.Offer: { var x = await db.Offers.SingleAsync(m => m.Id == id, ct); (x.Name, x.Provider) = (name, Blank(form.Provider)); return x.Key; }
            case OrganisationKind.TargetGroup: { var x = await db.TargetGroups.SingleAsync(m => m.Id == id, ct); x.Names = Names(x.Names, name, form.NameEn); return x.Key; }
            case OrganisationKind.TargetGroupSet:
            {
                var x = await db.TargetGroupSets.Include(s => s.Members).SingleAsync(m => m.Id == id, ct);
                x.Names = Names(x.Names, name, form.NameEn);
                x.Members = members!;
                return x.Key;
            }
            default:
            {
                var x = await db.BackgroundVariables.SingleAsync(m => m.Id == id, ct);
                x.Names = Names(x.Names, name, form.NameEn);
                var kept = x.Options.Select(o => options!.FirstOrDefault(n => n.Code == o.Code) is { } n ? o with { Labels = Relabel(o.Labels, n.Labels.Da) } : o).ToList();
                x.Options = [.. kept, .. options!.Where(n => kept.All(o => o.Code != n.Code))];
                return x.Key;
            }
        }
    }

    /// <summary>The Danish name replaced, the English one set or (left empty) removed, other languages kept.</summary>
    private static LocalizedText Names(LocalizedText? old, string da, string? en)
    {
        var names = old is null ? new LocalizedText() : new LocalizedText(old);
        names[LocalizedText.Danish] = da;
        if (Blank(en) is { } english) names["en"] = english;
        else names.Remove("en");
        return names;
    }

    private static LocalizedText Relabel(LocalizedText old, string da) => new(old) { [LocalizedText.Danish] = da };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
