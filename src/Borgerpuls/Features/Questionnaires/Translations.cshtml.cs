using System.Globalization;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Questionnaires;

/// <summary>Every text of a draft in one citizen language beside its Danish source, with how many are translated. An empty
/// field is shown to citizens in Danish (marked as such), so publishing with gaps is allowed and only shown.</summary>
[Authorize(Policy = Policies.Analyst)]
public sealed class TranslationsModel(DraftStore drafts, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int MaxText = 1000;

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Lang { get; set; }
    [BindProperty] public int Revision { get; set; }

    /// <summary>The typed texts by slot id (see <see cref="DraftTexts"/>).</summary>
    [BindProperty] public Dictionary<string, string?> Texts { get; set; } = [];

    public DraftContent Doc { get; private set; } = null!;
    public List<TextSlot> Slots { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public bool Stale { get; private set; }
    [TempData] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!DraftTexts.Languages.Contains(Lang))
        {
            Errors.Add(t["Builder.UnknownLanguage"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        foreach (var slot in Slots.Where(s => Texts.GetValueOrDefault(s.Id)?.Length > MaxText))
        {
            Errors.Add(t["Builder.TextTooLong", MaxText]);
        }
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        switch (await drafts.SaveAsync(Id, Revision, DraftTexts.With(Doc, Lang!, Texts), $"translations {Lang}", ct))
        {
            case DraftSave.Gone:
                return NotFound();
            case DraftSave.Stale:
                Stale = true;
                Errors.Add(t["Builder.Stale"]);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
        }
        TempData["Done"] = t["Builder.TranslationsSaved"].Value;
        return Redirect($"/questionnaires/draft/{Id}/translations?lang={Lang}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await drafts.FindAsync(Id, ct) is not { } found) return false;
        Doc = found.Content;
        if (HttpMethods.IsGet(Request.Method)) Revision = found.Draft.Revision;
        if (!DraftTexts.Languages.Contains(Lang)) Lang = "en";
        Slots = DraftTexts.Of(Doc, Lang!);
        return true;
    }

    public (int Done, int All) Completeness => (Slots.Count(s => s.Translated), Slots.Count);

    /// <summary>What a text is, as the page labels it: the name, "Spørgsmål 3", a scale's name, an option.</summary>
    public string Label(TextSlot slot)
    {
        var parts = slot.Id.Split(':');
        return parts[0] switch
        {
            "name" => t["Builder.Slot.name"],
            "q" => t["Builder.Slot.q", Doc.IndexOf(parts[1]) + 1],
            "s" => t["Builder.Slot.s"],
            _ => t["Builder.Slot.o", slot.Danish],
        };
    }

    /// <summary>The value shown in a field: as typed when the form came back, else as stored.</summary>
    public string? Value(TextSlot slot) => Texts.TryGetValue(slot.Id, out var typed) ? typed : slot.Translation;

    public static string FieldId(int index) => "text-" + index.ToString(CultureInfo.InvariantCulture);

    public bool RightToLeft => LocalizationSetup.IsRightToLeft(Lang ?? "en");
}
