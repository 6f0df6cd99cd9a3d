using System.Globalization;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Configuration;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Questionnaires;

/// <summary>The draft editor: the questionnaire's name, its questions in order (move, change, delete) and the question form
/// with its scale — an existing one by name or a new one with options, values and polarity. Every post names the draft's
/// revision as shown; a stale one is refused ("changed by someone else – reload") and nothing is written.</summary>
[Authorize(Policy = Policies.Analyst)]
public sealed class DraftModel(BorgerpulsDb db, DraftStore drafts, InstrumentCatalog catalog, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public int Revision { get; set; }
    [BindProperty] public QuestionForm Q { get; set; } = new();
    [BindProperty] public string? NameDa { get; set; }
    [BindProperty] public string? NameEn { get; set; }

    /// <summary>The question whose form is open (by key), from "Ret" in the list.</summary>
    [BindProperty(SupportsGet = true)] public string? Edit { get; set; }

    public InstrumentDraft Draft { get; private set; } = null!;
    public DraftContent Doc { get; private set; } = null!;
    public List<(string Key, string Name)> Scales { get; private set; } = [];
    public InstrumentDefinition? Core { get; private set; }
    public IReadOnlyDictionary<string, (int Done, int All)> Translated { get; private set; } = new Dictionary<string, (int, int)>();
    public List<string> Errors { get; } = [];
    public bool Stale { get; private set; }
    [TempData] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Q = Edit is { } key && Doc.Instrument.Questions.FirstOrDefault(q => q.Key == key) is { } question ? QuestionForm.Of(question, Doc) : new QuestionForm();
        return Page();
    }

    public async Task<IActionResult> OnPostNameAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Gone();
        NameDa = NameDa?.Trim();
        NameEn = NameEn?.Trim();
        if (string.IsNullOrEmpty(NameDa)) Errors.Add(t["Builder.NameRequired"]);
        if (NameDa?.Length > IndexModel.MaxName || NameEn?.Length > IndexModel.MaxName) Errors.Add(t["Builder.NameTooLong", IndexModel.MaxName]);
        if (Errors.Count > 0) return Refused();
        return await SaveAsync(Doc.Named(NameDa!, NameEn), $"name \"{NameDa}\"", t["Builder.NameSaved"], ct);
    }

    public async Task<IActionResult> OnPostQuestionAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Gone();
        foreach (var entry in ModelState.Where(kv => kv.Key.StartsWith("Q.", StringComparison.Ordinal) && kv.Value is { Errors.Count: > 0 }).Select(kv => kv.Value!))
        {
            Errors.Add(t["Builder.BadChoice", entry.AttemptedValue ?? ""]);
        }
        var dbScales = Scales.Select(s => s.Key).Where(k => Doc.Scales.All(s => s.Key != k)).ToHashSet(StringComparer.Ordinal);
        var (question, scale) = Q.Check(Doc, dbScales, Core?.Questions.Select(q => q.Key).ToList() ?? [], t, Errors);
        if (question is null || Errors.Count > 0) return Refused();
        var changed = string.IsNullOrWhiteSpace(Q.Original);
        Edit = null;
        return await SaveAsync(Doc.Put(Q.Original, question, scale), (changed ? "question added " : "question changed ") + question.Key,
            t[changed ? "Builder.QuestionAdded" : "Builder.QuestionSaved", question.Texts["da"]], ct);
    }

    public async Task<IActionResult> OnPostMoveAsync(string key, int by, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Gone();
        if (Doc.IndexOf(key) < 0) return Missing(key);
        return await SaveAsync(Doc.Move(key, Math.Sign(by)), $"question {key} moved {(by < 0 ? "up" : "down")}", t["Builder.Moved"], ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(string key, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Gone();
        if (Doc.IndexOf(key) < 0) return Missing(key);
        var text = Doc.Instrument.Questions[Doc.IndexOf(key)].Texts.GetValueOrDefault("da") ?? key;
        return await SaveAsync(Doc.Remove(key), $"question {key} removed", t["Builder.Removed", text], ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Gone();
        var outcome = await drafts.PublishAsync(Id, Revision, ct);
        switch (outcome.State)
        {
            case DraftSave.Gone: return Gone();
            case DraftSave.Stale: return StaleRefused();
        }
        if (outcome.Errors.Count > 0)
        {
            Errors.AddRange(outcome.Errors);
            await LoadAsync(ct);
            Revision = Draft.Revision; // a refused apply moved the revision on; the page shows the draft as it is
            return Refused();
        }
        var name = Doc.Instrument.Names.GetValueOrDefault("da") ?? Doc.Instrument.Key;
        TempData["Done"] = outcome.Changed ? t["Builder.PublishedAs", name, outcome.Version ?? 0].Value : t["Builder.PublishedUnchanged", name, outcome.Version ?? 0].Value;
        return Redirect("/questionnaires");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Gone();
        switch (await drafts.DeleteAsync(Id, Revision, ct))
        {
            case DraftSave.Gone: return Gone();
            case DraftSave.Stale: return StaleRefused();
        }
        TempData["Done"] = t["Builder.Deleted", Doc.Instrument.Names.GetValueOrDefault("da") ?? Doc.Instrument.Key].Value;
        return Redirect("/questionnaires");
    }

    private async Task<IActionResult> SaveAsync(DraftContent content, string what, string done, CancellationToken ct)
    {
        switch (await drafts.SaveAsync(Id, Revision, content, what, ct))
        {
            case DraftSave.Gone: return Gone();
            case DraftSave.Stale: return StaleRefused();
        }
        TempData["Done"] = done;
        return Redirect($"/questionnaires/draft/{Id}" + (Edit is null ? "" : "?edit=" + Uri.EscapeDataString(Edit)));
    }

    /// <summary>The form comes back as typed with its problems; the draft is unchanged.</summary>
    private PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The draft changed since the form was shown: the page shows the draft as it is now and the form as typed, and
    /// keeps the old revision, so nothing more is written until the page is reloaded.</summary>
    private IActionResult StaleRefused()
    {
        Stale = true;
        Errors.Add(t["Builder.Stale"]);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private IActionResult Missing(string key)
    {
        Errors.Add(t["Builder.QuestionGone", key]);
        return Refused();
    }

    private IActionResult Gone()
    {
        TempData["Done"] = t["Builder.DraftGone"].Value;
        return Redirect("/questionnaires");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await drafts.FindAsync(Id, ct) is not { } found) return false;
        (Draft, Doc) = found;
        if (HttpMethods.IsGet(Request.Method)) Revision = Draft.Revision;
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var stored = await db.Scales.AsNoTracking().OrderBy(s => s.Key).ToListAsync(ct);
        Scales = stored.Select(s => (s.Key, s.Names.In(language).Text))
            .Concat(Doc.Scales.Select(s => (s.Key, (s.Names.GetValueOrDefault(language) ?? s.Names.GetValueOrDefault("da") ?? s.Key) + " " + t["Builder.NewScaleMark"].Value)))
            .ToList();
        Core = Doc.Instrument.Extends is { } core ? await catalog.LatestAsync(core, ct) : null;
        Translated = DraftTexts.Languages.ToDictionary(l => l, l => DraftTexts.Completeness(Doc, l));
        if (!Request.HasFormContentType || !Request.Form.ContainsKey(nameof(NameDa)))
        {
            // Only the name form sends the name; every other form shows it as stored.
            NameDa = Doc.Instrument.Names.GetValueOrDefault("da");
            NameEn = Doc.Instrument.Names.GetValueOrDefault("en");
        }
        return true;
    }

    public string Text(IReadOnlyDictionary<string, string> texts)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return texts.GetValueOrDefault(language) is { Length: > 0 } s ? s : texts.GetValueOrDefault("da") ?? "";
    }

    /// <summary>What the list says about a question: type, scale, theme, touchpoint, flags and key, one line.</summary>
    public string Details(QuestionConfig q) => string.Join(" · ", new string?[]
    {
        t[QuestionForm.TypeKey(q.Type)].Value, q.Scale is null ? null : t["Builder.ScaleIs", ScaleName(q.Scale)].Value, q.Theme is null ? null : t["Builder.ThemeIs", q.Theme].Value,
        q.Touchpoint is { } tp ? t[QuestionForm.TouchpointKey(tp)].Value : null, q.Overall ? t["Builder.Overall"].Value : null, q.Required ? t["Builder.Required"].Value : null,
        t["Builder.KeyIs", q.Key].Value,
    }.OfType<string>());

    public string ScaleName(string? key) => key is null ? "" : Scales.FirstOrDefault(s => s.Key == key).Name ?? key;

    public IEnumerable<string> Incomplete => Translated.Where(kv => kv.Value.Done < kv.Value.All).Select(kv => kv.Key);

    public static IEnumerable<QuestionType> Types => Enum.GetValues<QuestionType>();
    public static IEnumerable<Polarity> Polarities => Enum.GetValues<Polarity>();
    public static IEnumerable<Touchpoint> Touchpoints => Enum.GetValues<Touchpoint>();

    /// <summary>The option rows of the form: those typed plus empty ones to add more, at least five.</summary>
    /// <summary>The questions the edited (or new) question can follow up.</summary>
    public IEnumerable<QuestionConfig> EarlierQuestions
    {
        get
        {
            var keys = QuestionForm.EarlierKeys(Doc, Doc.Instrument.Questions.FirstOrDefault(q => q.Key == Q.Original)).ToHashSet(StringComparer.Ordinal);
            return Doc.Instrument.Questions.Where(q => keys.Contains(q.Key));
        }
    }

    public List<OptionForm> OptionRows => Q.Options.Concat(Enumerable.Range(0, Math.Max(2, 5 - Q.Options.Count)).Select(_ => new OptionForm { Polarity = Polarity.Neutral })).ToList();

    public static string KindKey(InstrumentKind kind) => IndexModel.KindKey(kind);
}
