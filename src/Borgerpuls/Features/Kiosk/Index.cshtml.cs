using System.Globalization;
using Borgerpuls.Features.Questionnaire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Borgerpuls.Features.Kiosk;

/// <summary>The smiley kiosk: a one-question instrument with an optional follow-up. The page is public and holds no data;
/// the device key that lets it submit is entered once by staff and kept in the device's own storage.</summary>
[AllowAnonymous]
public sealed class KioskModel(InstrumentCatalog instruments) : PageModel
{
    public string Instrument { get; private set; } = "smiley";
    public string Language { get; private set; } = "da";
    public QuestionDefinition Question { get; private set; } = null!;
    public QuestionDefinition? FollowUp { get; private set; }

    /// <summary>The citizen texts in every citizen language (<see cref="CitizenTexts"/>).</summary>
    public string TextsJson { get; private set; } = "{}";

    /// <summary>The resource texts the citizen sees on the kiosk.</summary>
    private static readonly string[] CitizenResources = ["Kiosk.Skip", "Kiosk.Thanks", "Kiosk.ThanksText", "Layout.Language"];

    /// <summary>How long the thank-you shows before the next citizen; <c>?reset=</c> in milliseconds, 300–10 000.</summary>
    public int ResetMilliseconds { get; private set; } = 3000;

    /// <summary>How long a language a citizen chose stays when nobody presses (they walked away); <c>?idle=</c> in
    /// milliseconds, 1 000–600 000.</summary>
    public int IdleMilliseconds { get; private set; } = 60_000;

    public async Task<IActionResult> OnGetAsync(string? instrument, int? reset, int? idle, CancellationToken ct)
    {
        ResetMilliseconds = Math.Clamp(reset ?? 3000, 300, 10_000);
        IdleMilliseconds = Math.Clamp(idle ?? 60_000, 1000, 600_000);
        Instrument = instrument ?? "smiley";
        Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var definition = await instruments.LatestAsync(Instrument, ct);
        var first = definition?.Questions.FirstOrDefault(q => q.Type is Domain.QuestionType.Scale && q.ShowAfter is null);
        if (definition is null || first is null)
        {
            return NotFound();
        }
        Question = first;
        FollowUp = definition.Questions.FirstOrDefault(q => q.ShowAfter == first.Key && q.Type == Domain.QuestionType.SingleChoice);
        TextsJson = CitizenTexts.Json(definition, FollowUp is null ? [first] : [first, FollowUp], CitizenResources);
        return Page();
    }
}
