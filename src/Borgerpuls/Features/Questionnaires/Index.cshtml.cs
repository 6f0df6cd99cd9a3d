using System.Globalization;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Questionnaires;

/// <summary>The questionnaires (instruments) with their newest published version and how far each language is translated,
/// the open drafts, and the ways to start one: a new questionnaire, the next version of a published one, a centre's local
/// extension of a core questionnaire, or a staff mirror.</summary>
[Authorize(Policy = Policies.Analyst)]
public sealed class IndexModel(BorgerpulsDb db, DraftStore drafts, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int MaxName = 200;

    public sealed record Line(string Key, string Name, InstrumentKind Kind, string? Extends, string? MirrorOf, bool IsCore, int? Version, string? Published,
        int Questions, IReadOnlyDictionary<string, (int Done, int All)> Translated, int? DraftId);

    public sealed record DraftLine(int Id, string Key, string Name, bool IsNew, string Updated, string UpdatedBy);

    public List<Line> Lines { get; private set; } = [];
    public List<DraftLine> Drafts { get; private set; } = [];
    public List<string> Errors { get; } = [];
    [TempData] public string? Done { get; set; }
    [BindProperty] public string? NameDa { get; set; }
    [BindProperty] public string? NameEn { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostNewAsync(CancellationToken ct)
    {
        NameDa = NameDa?.Trim();
        NameEn = NameEn?.Trim();
        if (string.IsNullOrEmpty(NameDa)) Errors.Add(t["Builder.NameRequired"]);
        if (NameDa?.Length > MaxName || NameEn?.Length > MaxName) Errors.Add(t["Builder.NameTooLong", MaxName]);
        if (Errors.Count > 0)
        {
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return RedirectToDraft(await drafts.CreateNewAsync(NameDa!, NameEn, ct));
    }

    public async Task<IActionResult> OnPostEditAsync(string key, CancellationToken ct) => await OrNotFound(await drafts.CreateEditAsync(key, ct), ct);

    public async Task<IActionResult> OnPostExtendAsync(string key, CancellationToken ct) => await OrNotFound(await drafts.CreateExtensionAsync(key, ct), ct);

    public async Task<IActionResult> OnPostMirrorAsync(string key, CancellationToken ct) => await OrNotFound(await drafts.CreateMirrorAsync(key, ct), ct);

    private async Task<IActionResult> OrNotFound(int? id, CancellationToken ct)
    {
        if (id is { } found) return RedirectToDraft(found);
        Errors.Add(t["Builder.UnknownInstrument"]);
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private RedirectResult RedirectToDraft(int id) => Redirect($"/questionnaires/draft/{id}");

    private async Task LoadAsync(CancellationToken ct)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var instruments = await db.Instruments.AsNoTracking().OrderBy(i => i.Key).ToListAsync(ct);
        var keys = instruments.ToDictionary(i => i.Id, i => i.Key);
        var latest = (await db.InstrumentVersions.AsNoTracking().Published().Include(v => v.Questions).ToListAsync(ct))
            .GroupBy(v => v.InstrumentId).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Number)!);
        var open = await db.InstrumentDrafts.AsNoTracking().OrderByDescending(d => d.UpdatedAt).ToListAsync(ct);
        var draftOf = open.ToDictionary(d => d.InstrumentKey, d => d.Id);
        Lines = instruments.Select(i =>
        {
            var version = latest.GetValueOrDefault(i.Id);
            var questions = version?.Questions.Select(q => q.Texts).ToList() ?? [];
            return new Line(i.Key, i.Names.In(language).Text, i.Kind, i.ExtendsId is { } e ? keys[e] : null, i.MirrorOfId is { } m ? keys[m] : null,
                i.Kind == InstrumentKind.Citizen && i.ExtendsId is null, version?.Number, version?.PublishedAt is { } at ? Date(at) : null, questions.Count,
                DraftTexts.Languages.ToDictionary(l => l, l => DraftTexts.Completeness(i.Names, questions, l)),
                draftOf.TryGetValue(i.Key, out var d) ? d : null);
        }).ToList();
        var published = instruments.Select(i => i.Key).ToHashSet();
        Drafts = open.Select(d => new DraftLine(d.Id, d.InstrumentKey, DraftContent.Read(d.Json).Instrument.Names.GetValueOrDefault("da") ?? d.InstrumentKey,
            !published.Contains(d.InstrumentKey), Date(d.UpdatedAt), d.UpdatedBy)).ToList();
    }

    /// <summary>A day as the reader says it ("4. december 2026"), in Danish time.</summary>
    public static string Date(DateTime utc)
    {
        var culture = CultureInfo.CurrentCulture;
        return DanishTime.OfUtc(utc).ToString(culture.TwoLetterISOLanguageName == "da" ? "d. MMMM yyyy" : "d MMMM yyyy", culture);
    }

    public static string KindKey(InstrumentKind kind) => "Builder.Kind." + kind;

    public static string LanguageName(string language) => CultureInfo.GetCultureInfo(language).NativeName;
}
