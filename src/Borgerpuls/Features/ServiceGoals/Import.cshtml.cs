using Borgerpuls.Data;
using Borgerpuls.Features.Import;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.ServiceGoals;

/// <summary>Uploads an event log (CSV or XLSX) for the service goals: all or nothing, every problem listed by line and
/// column, and a file imported again adds nothing twice.</summary>
[Authorize(Policy = Policies.Analyst)]
[RequestSizeLimit(210L * 1024 * 1024)]
public sealed class ImportModel(BorgerpulsDb db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public ServiceEventImportResult? Done { get; private set; }
    public ImportRejectedException? Rejected { get; private set; }
    public List<string> Errors { get; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Errors.Add(t["Import.NoFile"]);
            return Page();
        }
        var path = await UploadStore.SaveAsync(file, ct);
        try
        {
            await using var stream = System.IO.File.OpenRead(path);
            Done = await ServiceEventImport.RunAsync(db, stream, file.FileName, audit.CurrentActor, clock.GetUtcNow(), ct);
        }
        catch (ImportRejectedException e)
        {
            Rejected = e;
        }
        finally
        {
            UploadStore.Delete(path);
        }
        return Page();
    }
}
