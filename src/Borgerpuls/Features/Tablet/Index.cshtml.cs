using System.Globalization;
using Borgerpuls.Data;
using Borgerpuls.Features.FollowUp;
using Borgerpuls.Features.Questionnaire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Tablet;

/// <summary>The tablet exit poll: staff pick the meeting's context, hand the tablet over, the citizen answers the short
/// instrument, and the form is cleared before the tablet goes back. Submissions carry the tablet's device key.</summary>
[AllowAnonymous]
public sealed class TabletModel(InstrumentCatalog instruments, BorgerpulsDb db, Microsoft.Extensions.Options.IOptions<Retention.RetentionOptions> retention) : PageModel
{
    public InstrumentDefinition Instrument { get; private set; } = null!;
    public string Language { get; private set; } = "da";
    public List<(string Key, string Name)> Units { get; private set; } = [];
    public List<(string Key, string Name)> TargetGroups { get; private set; } = [];

    /// <summary>The citizen texts in every citizen language (<see cref="Kiosk.CitizenTexts"/>).</summary>
    public string TextsJson { get; private set; } = "{}";

    /// <summary>The answer codes at the negative end of each question, after which the thanks offer to be contacted.</summary>
    public string NegativeJson { get; private set; } = "{}";

    public int FollowUpRetentionDays => retention.Value.FollowUpDays;

    /// <summary>The resource texts the citizen sees on the tablet.</summary>
    private static readonly string[] CitizenResources =
        ["Questionnaire.Lead", "Questionnaire.Submit", "Questionnaire.NotTranslated", "Kiosk.Thanks", "Tablet.GiveBack", "Tablet.NothingAnswered", "Tablet.RecordDeclined", "Layout.Language",
        "Citizen.FollowUp.Title", "Citizen.FollowUp.Lead", "Citizen.FollowUp.Name", "Citizen.FollowUp.Phone", "Citizen.FollowUp.PhoneHint",
        "Citizen.FollowUp.Message", "Citizen.FollowUp.Consent", "Citizen.FollowUp.Send", "Citizen.FollowUp.Sent", "Citizen.FollowUp.Errors",
        "Citizen.FollowUp.NameRequired", "Citizen.FollowUp.NameTooLong", "Citizen.FollowUp.PhoneInvalid", "Citizen.FollowUp.MessageTooLong",
        "Citizen.FollowUp.ConsentRequired", "Citizen.FollowUp.NotSent"];

    public async Task<IActionResult> OnGetAsync(string? instrument, string? site, CancellationToken ct)
    {
        Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var definition = await instruments.LatestAsync(instrument ?? "borgeroplevelse-5", ct);
        if (definition is null)
        {
            return NotFound();
        }
        Instrument = definition;
        TextsJson = Kiosk.CitizenTexts.Json(definition, definition.Questions, CitizenResources);
        NegativeJson = System.Text.Json.JsonSerializer.Serialize(FollowUpOffer.NegativeCodes(definition));
        var units = db.Units.AsNoTracking();
        if (site is not null)
        {
            units = units.Where(u => u.Site!.Key == site);
        }
        Units = (await units.OrderBy(u => u.Name).Select(u => new { u.Key, u.Name }).ToListAsync(ct)).Select(u => (u.Key, u.Name)).ToList();
        TargetGroups = (await db.TargetGroups.AsNoTracking().OrderBy(t => t.Position).ToListAsync(ct)).Select(t => (t.Key, t.Names.In(Language).Text)).ToList();
        return Page();
    }
}
