using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Questionnaires;

/// <summary>The draft as the citizen will see it, drawn by the citizen pages' own partials in the width of a phone, a tablet
/// or a kiosk and in any citizen language. There is no form and no submit: nothing can be stored from a preview.</summary>
[Authorize(Policy = Policies.Analyst)]
public sealed class PreviewModel(BorgerpulsDb db, DraftStore drafts, InstrumentCatalog catalog) : PageModel
{
    public static readonly string[] Views = ["phone", "tablet", "kiosk"];

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Lang { get; set; }
    [BindProperty(SupportsGet = true)] public string? View { get; set; }

    public InstrumentDefinition Definition { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await drafts.FindAsync(Id, ct) is not { } found) return NotFound();
        if (!LocalizationSetup.CitizenCultures.Contains(Lang)) Lang = LocalizedText.Danish;
        if (!Views.Contains(View)) View = Views[0];
        Definition = await DefinitionAsync(db, catalog, found.Content, ct);
        return Page();
    }

    /// <summary>The draft as the definition the citizen pages render: a local extension's core questions first, as
    /// <see cref="InstrumentCatalog"/> builds a published version.</summary>
    public static async Task<InstrumentDefinition> DefinitionAsync(BorgerpulsDb db, InstrumentCatalog catalog, DraftContent content, CancellationToken ct)
    {
        var instrument = content.Instrument;
        var used = instrument.Questions.Select(q => q.Scale).OfType<string>().Distinct().ToList();
        var stored = await db.Scales.AsNoTracking().Include(s => s.Options).Where(s => used.Contains(s.Key)).ToListAsync(ct);
        var options = stored.ToDictionary(s => s.Key, s => s.Options.OrderBy(o => o.Position).Select(o => new OptionDefinition(o.Code, o.Labels, o.Value, o.Polarity)).ToList());
        foreach (var scale in content.Scales)
        {
            options[scale.Key] = scale.Options.Select(o => new OptionDefinition(o.Code, new LocalizedText(o.Labels), o.Value, o.Polarity)).ToList();
        }
        var questions = new List<QuestionDefinition>();
        if (instrument.Extends is { } core && await catalog.LatestAsync(core, ct) is { } coreDefinition)
        {
            questions.AddRange(coreDefinition.Questions);
        }
        questions.AddRange(instrument.Questions.Select(q => new QuestionDefinition(q.Key, q.Type, new LocalizedText(q.Texts), q.Scale,
            q.Scale is null ? [] : options.GetValueOrDefault(q.Scale) ?? [], q.Overall, q.Required, q.ShowAfter, q.Theme, q.Touchpoint)));
        return new InstrumentDefinition(0, instrument.Key, new LocalizedText(instrument.Names), instrument.Kind, 0, 0, questions);
    }

    public static string ViewKey(string view) => "Builder.View." + view;
}
