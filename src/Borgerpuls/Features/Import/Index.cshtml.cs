using System.Globalization;
using Borgerpuls.Data;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Features.Shared;

namespace Borgerpuls.Features.Import;

/// <summary>The import wizard: upload → proposed mapping (editable) → check (a dry run: counts and every error with line and
/// column) → import. Works without JavaScript; each step posts the upload's id and the mapping so far. A mapping can be
/// saved under a name and chosen again for next year's file.</summary>
[Authorize(Policy = Policies.Analyst)]
[RequestSizeLimit(210L * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 210L * 1024 * 1024)]
public sealed class IndexModel(BorgerpulsDb db, BorgerpulsDbFactory databases, WizardUploadStore uploads, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public List<Choice> Instruments { get; private set; } = [];
    public List<Choice> Campaigns { get; private set; } = [];
    public List<Choice> JobCentres { get; private set; } = [];
    public List<string> SavedNames { get; private set; } = [];
    public List<string> Errors { get; } = [];

    [BindProperty] public string? Instrument { get; set; }
    [BindProperty] public string? Campaign { get; set; }
    [BindProperty] public bool Strict { get; set; }
    [BindProperty] public string? FixedCentre { get; set; }
    [BindProperty] public string? Upload { get; set; }
    [BindProperty] public string? SavedMapping { get; set; }
    [BindProperty] public string? SaveAs { get; set; }
    [BindProperty] public List<string> Targets { get; set; } = [];
    [BindProperty] public string? ValuesJson { get; set; }

    public ImportPreview? Preview { get; private set; }
    public List<Choice> FieldChoices { get; private set; } = [];
    public ImportSummary? Checked { get; private set; }
    public ImportSummary? Done { get; private set; }
    public ImportRejectedException? Rejected { get; private set; }

    public async Task OnGetAsync() => await ListsAsync();

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file)
    {
        await ListsAsync();
        if (file is null || file.Length == 0) Errors.Add(t["Import.NoFile"]);
        if (!Instruments.Any(i => i.Value == Instrument)) Errors.Add(t["Import.UnknownInstrument"]);
        if (Errors.Count > 0) return Page();
        (Upload, var path) = await uploads.SaveAsync(file!, Owner, HttpContext.RequestAborted);
        if (!await PreviewAsync(path)) return Page();
        var mapping = Preview!.Suggested;
        if (SavedMapping is { Length: > 0 } name
            && await db.Set<SavedMapping>().Where(m => m.InstrumentKey == Instrument && m.Name == name).Select(m => m.Json).SingleOrDefaultAsync() is { } json)
        {
            var saved = ImportMapping.Parse(json);
            foreach (var (column, to) in saved.Columns) mapping.Columns[column] = to;
            foreach (var (question, values) in saved.Values) mapping.Values[question] = values;
        }
        Targets = Preview.Header.Select(h => mapping.Columns.GetValueOrDefault(h.Trim()) ?? mapping.Columns.GetValueOrDefault(h) ?? "").ToList();
        ValuesJson = new ImportMapping { Values = mapping.Values }.ToJson();
        return Page();
    }

    public Task<IActionResult> OnPostCheckAsync() => RunAsync(dryRun: true);

    public Task<IActionResult> OnPostCommitAsync() => RunAsync(dryRun: false);

    private async Task<IActionResult> RunAsync(bool dryRun)
    {
        await ListsAsync();
        var path = await uploads.FindAsync(Upload, Owner, HttpContext.RequestAborted);
        if (path is null || !Instruments.Any(i => i.Value == Instrument))
        {
            Errors.Add(t["Import.UploadGone"]);
            return Page();
        }
        if (!await PreviewAsync(path)) return Page();
        ImportMapping mapping;
        try
        {
            mapping = Mapping();
        }
        catch (ImportFileException e)
        {
            Errors.Add(e.Text(CultureInfo.CurrentUICulture));
            return Page();
        }
        try
        {
            var summary = await Importer.RunAsync(databases, path, new ImportOptions(Instrument!)
            {
                Mapping = mapping, Campaign = string.IsNullOrEmpty(Campaign) ? null : Campaign, Strict = Strict, DryRun = dryRun,
                Fixed = string.IsNullOrEmpty(FixedCentre) ? new Dictionary<string, string>() : new Dictionary<string, string> { ["jobcenter"] = FixedCentre },
                Actor = User.Identity?.Name ?? "web",
            }, clock.GetLocalNow(), HttpContext.RequestAborted);
            if (dryRun)
            {
                Checked = summary;
                await audit.WriteAsync(AuditActions.ImportDryRun, $"{Instrument}: {summary.Rows} rows, checked");
            }
            else
            {
                Done = summary;
                await uploads.DeleteAsync(Upload!, HttpContext.RequestAborted);
            }
            if (SaveAs is { Length: > 0 } name) await SaveAsync(name.Trim(), mapping);
        }
        catch (ImportFileException e)
        {
            Errors.Add(e.Text(CultureInfo.CurrentUICulture));
        }
        catch (ImportRejectedException e)
        {
            Rejected = e;
            await audit.WriteAsync(AuditActions.ImportRejected, $"{Instrument}: {e.Total} error(s)");
        }
        return Page();
    }

    private string Owner => User.Identity?.Name ?? "";

    /// <summary>The recodings the form carries, for the page; none when the hidden field was tampered with (the step that read
    /// it has already said so).</summary>
    public IReadOnlyDictionary<string, Dictionary<string, string>> Recodings
    {
        get
        {
            try
            {
                return ImportMapping.Parse(ValuesJson).Values;
            }
            catch (ImportFileException)
            {
                return new Dictionary<string, Dictionary<string, string>>();
            }
        }
    }

    /// <summary>The mapping as the form now says: each column's chosen target (blank = as named in the file).</summary>
    private ImportMapping Mapping()
    {
        var mapping = new ImportMapping { Values = ImportMapping.Parse(ValuesJson).Values };
        for (var i = 0; i < Preview!.Header.Count && i < Targets.Count; i++)
        {
            var to = Targets[i]?.Trim() ?? "";
            if (to.Length > 0 && !to.Equals(Preview.Header[i].Trim(), StringComparison.OrdinalIgnoreCase)) mapping.Columns[Preview.Header[i]] = to;
        }
        return mapping;
    }

    private async Task SaveAsync(string name, ImportMapping mapping)
    {
        if (name.Length > 100) name = name[..100];
        var json = mapping.ToJson();
        var existing = await db.Set<SavedMapping>().SingleOrDefaultAsync(m => m.InstrumentKey == Instrument && m.Name == name);
        if (existing is null)
        {
            db.Set<SavedMapping>().Add(new SavedMapping { Name = name, InstrumentKey = Instrument!, Json = json, SavedAt = clock.GetUtcNow().UtcDateTime, SavedBy = User.Identity?.Name ?? "web" });
        }
        else
        {
            existing.Json = json;
            existing.SavedAt = clock.GetUtcNow().UtcDateTime;
            existing.SavedBy = User.Identity?.Name ?? "web";
        }
        await db.SaveChangesAsync();
        await audit.WriteAsync(AuditActions.ImportMappingSaved, $"{Instrument}: {name}");
        SavedNames = await SavedNamesAsync();
    }

    private async Task<bool> PreviewAsync(string path)
    {
        try
        {
            Preview = await ImportPreview.ReadAsync(db, path, Instrument!, HttpContext.RequestAborted);
        }
        catch (ImportFileException e)
        {
            Errors.Add(e.Text(CultureInfo.CurrentUICulture));
            return false;
        }
        var instrument = await db.InstrumentVersions.LatestPublished(Instrument!).Select(v => v.Id).FirstAsync();
        var definition = await Questionnaire.InstrumentCatalog.LoadAsync(db, instrument, HttpContext.RequestAborted);
        FieldChoices =
        [
            new("", t["Import.AsNamed"]), new("ignore", t["Import.Ignore"]),
            .. new[] { "respondent_id", "submitted_at", "jobcenter", "site", "unit", "target_group", "channel", "language", "meeting_type" }.Select(f => new Choice(f, t["Import.Field." + f])),
            .. definition.Questions.Select(q => new Choice(q.Key, $"{q.Key} — {q.Texts.Da}")),
        ];
        return true;
    }

    private async Task ListsAsync()
    {
        Instruments = await Choices.InstrumentsAsync(db, HttpContext.RequestAborted);
        Campaigns = await Choices.CampaignsAsync(db, HttpContext.RequestAborted);
        JobCentres = await Choices.JobCentresAsync(db, HttpContext.RequestAborted);
        SavedNames = await SavedNamesAsync();
    }

    private Task<List<string>> SavedNamesAsync() =>
        db.Set<SavedMapping>().AsNoTracking().Where(m => Instrument == null || m.InstrumentKey == Instrument).OrderBy(m => m.Name).Select(m => m.Name).ToListAsync();
}
