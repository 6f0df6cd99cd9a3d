using System.Globalization;
using Borgerpuls.Data;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Import;

/// <summary><c>POST /api/v1/imports</c>: the <c>import</c> verb over HTTP (multipart: <c>file</c>, <c>instrument</c>, and
/// optionally <c>mapping</c> (JSON text or file), <c>savedMapping</c> (a name saved in the wizard), <c>campaign</c>,
/// <c>strict</c>, <c>set</c> (repeatable <c>COLUMN=VALUE</c>, as the command line's <c>--set</c>), <c>municipality</c>, <c>dryRun</c>). A rejected file is a problem+json listing every error with line and column.</summary>
internal static class ImportsApi
{
    private const long MaxUpload = 210L * 1024 * 1024;

    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/imports").WithTags("Import")
            .MapPost("/", ImportAsync).RequireAuthorization(Policies.Analyst)
            .WithMetadata(new RequestSizeLimitAttribute(MaxUpload))
            .WithSummary("Import a wide survey file (CSV or XLSX); all or nothing, re-imports skip known respondents; dryRun=true only checks (analysts; audited)");
        return app;
    }

    private static async Task<IResult> ImportAsync(HttpContext http, BorgerpulsDbFactory databases, BorgerpulsDb db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            return Invalid("file", "Send multipart/form-data with the file in a field named 'file' and the instrument key in 'instrument'.");
        }
        // Cookie sessions have proven the form is ours before this runs (SignedInApiAntiforgery).
        var form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxUpload }, ct);
        var file = form.Files["file"];
        var instrument = form["instrument"].ToString();
        if (file is null || file.Length == 0) return Invalid("file", "No file was sent (field 'file').");
        if (instrument.Length == 0) return Invalid("instrument", "The instrument key is required (field 'instrument'), e.g. vive-7.");

        ImportMapping? mapping;
        try
        {
            mapping = await MappingAsync(db, form, instrument, ct);
        }
        catch (ImportFileException e)
        {
            return Invalid("mapping", e.Text(CultureInfo.CurrentUICulture));
        }
        Dictionary<string, string> fixedValues;
        try
        {
            fixedValues = ImportOptions.ParseFixed(form["set"].Where(v => !string.IsNullOrWhiteSpace(v))!);
        }
        catch (ImportFileException e)
        {
            return Invalid("set", e.Text(CultureInfo.CurrentUICulture));
        }
        var dryRun = Flag(form["dryRun"]);
        var path = await UploadStore.SaveAsync(file, ct);
        try
        {
            var summary = await Importer.RunAsync(databases, path, new ImportOptions(instrument)
            {
                Mapping = mapping, Campaign = NullIfEmpty(form["campaign"]), Strict = Flag(form["strict"]), DryRun = dryRun,
                Fixed = fixedValues, Municipality = NullIfEmpty(form["municipality"]),
                Actor = http.User.Identity?.Name ?? "api",
            }, clock.GetLocalNow(), ct);
            if (dryRun)
            {
                await audit.WriteAsync(AuditActions.ImportDryRun, $"{Path.GetFileName(file.FileName)} → {instrument}: {summary.Rows} rows, checked", ct: ct);
                return TypedResults.Ok(Result(summary, file.FileName));
            }
            return TypedResults.Created((string?)null, Result(summary, file.FileName));
        }
        catch (ImportFileException e)
        {
            return Invalid("file", e.Text(CultureInfo.CurrentUICulture));
        }
        catch (ImportRejectedException e)
        {
            await audit.WriteAsync(AuditActions.ImportRejected, $"{Path.GetFileName(file.FileName)} → {instrument}: {e.Total} error(s)", ct: ct);
            return Rejected(e);
        }
        finally
        {
            UploadStore.Delete(path);
        }
    }

    internal static IResult Rejected(ImportRejectedException e) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status422UnprocessableEntity,
        Title = SharedTexts.Get("Import.Error.Rejected", CultureInfo.CurrentUICulture),
        Detail = e.Total > e.Errors.Count
            ? SharedTexts.Current("Import.Error.CountListed", e.Total, e.Errors.Count)
            : SharedTexts.Current("Import.Error.Count", e.Total),
        Extensions =
        {
            ["total"] = e.Total,
            ["errors"] = e.Errors.Select(x => new { line = x.Line, column = x.Column, message = x.Text(CultureInfo.CurrentUICulture) }).ToList(),
        },
    });

    private static object Result(ImportSummary s, string fileName) => new
    {
        file = Path.GetFileName(fileName), format = s.File.In(CultureInfo.CurrentUICulture), dryRun = s.DryRun, rows = s.Rows,
        imported = s.DryRun ? 0 : s.Imported, wouldImport = s.DryRun ? s.Imported : 0, skipped = s.Skipped, created = s.Created.Select(c => c.In(CultureInfo.CurrentUICulture)).ToList(),
    };

    private static async Task<ImportMapping?> MappingAsync(BorgerpulsDb db, IFormCollection form, string instrument, CancellationToken ct)
    {
        if (form.Files["mapping"] is { } upload)
        {
            using var reader = new StreamReader(upload.OpenReadStream());
            return ImportMapping.Parse(await reader.ReadToEndAsync(ct));
        }
        if (NullIfEmpty(form["mapping"]) is { } json) return ImportMapping.Parse(json);
        if (NullIfEmpty(form["savedMapping"]) is { } name)
        {
            var saved = await db.Set<SavedMapping>().Where(m => m.InstrumentKey == instrument && m.Name == name).Select(m => m.Json).SingleOrDefaultAsync(ct)
                ?? throw new ImportFileException("Import.Error.NoSuchMapping", name, instrument);
            return ImportMapping.Parse(saved);
        }
        return null;
    }

    private static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static bool Flag(Microsoft.Extensions.Primitives.StringValues value) =>
        value.ToString() is "true" or "True" or "on" or "1";

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues value) =>
        string.IsNullOrWhiteSpace(value.ToString()) ? null : value.ToString().Trim();
}
