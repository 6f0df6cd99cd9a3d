using Borgerpuls.Localization;
using Borgerpuls.Features.Shared;
using Borgerpuls.Data;
using Borgerpuls.Data.Aggregates;
using Borgerpuls.Domain;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Paper;

/// <summary>"N paper forms handed out" for an instrument, a context and a month (<c>yyyy-MM</c>).</summary>
public sealed record PaperDistributionRequest(string? Instrument, string? JobCentre, string? Month, int? Count)
{
    public string? Site { get; init; }
    public string? Unit { get; init; }
    public string? TargetGroup { get; init; }
}

public sealed record PaperDistributionRecorded(int Id, string Instrument, string JobCentre, string Month, int Count);

/// <summary><c>POST /api/v1/paper-distributions</c> and the form on <c>/paper</c>: staff record how many paper forms they
/// handed out, the denominator of the paper response rate (SPEC §5). The row and its denominator cell are written in one
/// transaction; any error writes nothing.</summary>
internal static class RecordPaperDistribution
{
    public const int MaxCount = 100_000;

    public static async Task<Results<Created<PaperDistributionRecorded>, ValidationProblem>> HandleAsync(
        PaperDistributionRequest request, HttpContext http, BorgerpulsDb db, BorgerpulsDbFactory databases, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var (recorded, errors) = await RecordAsync(request, Viewer.From(http.User), db, databases, audit, clock, ct);
        return recorded is null
            ? TypedResults.ValidationProblem(errors, title: SharedTexts.Current("Paper.Error.NothingRecorded"))
            : TypedResults.Created("/api/v1/paper-distributions", recorded);
    }

    public static async Task<(PaperDistributionRecorded? Recorded, Dictionary<string, string[]> Errors)> RecordAsync(
        PaperDistributionRequest request, Viewer viewer, BorgerpulsDb db, BorgerpulsDbFactory databases, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var instrument = string.IsNullOrWhiteSpace(request.Instrument) ? null : await db.Instruments.SingleOrDefaultAsync(i => i.Key == request.Instrument, ct);
        if (instrument is null) errors["instrument"] = [string.IsNullOrWhiteSpace(request.Instrument) ? SharedTexts.Current("Paper.Error.ChooseInstrument") : SharedTexts.Current("Place.Error.UnknownInstrument", request.Instrument)];
        var centre = string.IsNullOrWhiteSpace(request.JobCentre) ? null : await db.JobCentres.SingleOrDefaultAsync(j => j.Key == request.JobCentre, ct);
        if (centre is null) errors["jobCentre"] = [string.IsNullOrWhiteSpace(request.JobCentre) ? SharedTexts.Current("Paper.Error.ChooseJobCentre") : SharedTexts.Current("Place.Error.UnknownJobCentre", request.JobCentre)];
        else if (!viewer.SeesCentre(centre.Key)) errors["jobCentre"] = [SharedTexts.Current("Paper.Error.NotYourJobCentre", centre.Key)];
        var site = request.Site is null ? null : await db.Sites.SingleOrDefaultAsync(s => s.Key == request.Site, ct);
        if (request.Site is not null && (site is null || site.JobCentreId != centre?.Id)) errors["site"] = [SharedTexts.Current("Place.Error.UnknownSite", request.Site)];
        var unit = request.Unit is null ? null : await db.Units.Include(u => u.Site).SingleOrDefaultAsync(u => u.Key == request.Unit, ct);
        if (request.Unit is not null && (unit is null || unit.Site!.JobCentreId != centre?.Id || (site is not null && unit.SiteId != site.Id)))
        {
            errors["unit"] = [SharedTexts.Current("Place.Error.UnknownUnit", request.Unit)];
        }
        var group = request.TargetGroup is null ? null : await db.TargetGroups.SingleOrDefaultAsync(t => t.Key == request.TargetGroup, ct);
        if (request.TargetGroup is not null && group is null) errors["targetGroup"] = [SharedTexts.Current("Place.Error.UnknownTargetGroup", request.TargetGroup)];
        var now = clock.GetUtcNow().UtcDateTime;
        var month = MonthField.Parse(request.Month);
        if (month is null) errors["month"] = [SharedTexts.Current("Paper.Error.Month")];
        else if (month > new DateOnly(now.Year, now.Month, 1)) errors["month"] = [SharedTexts.Current("Paper.Error.FutureMonth")];
        else if (month.Value.Year < 2000) errors["month"] = [SharedTexts.Current("Paper.Error.OldMonth")];
        if (request.Count is not (>= 1 and <= MaxCount)) errors["count"] = [SharedTexts.Current("Paper.Error.Count", MaxCount)];
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var row = new PaperDistribution
        {
            InstrumentId = instrument!.Id, Month = month!.Value, Count = request.Count!.Value, RecordedAt = now,
        }.PlaceFrom(new Place(centre!.Id, site?.Id ?? unit?.SiteId, unit?.Id, group?.Id));
        db.PaperDistributions.Add(row);
        var handedOut = new DenominatorDelta();
        handedOut.HandedOut(row);
        await DenominatorTransaction.SaveChangesAsync(db, databases.Aggregates, handedOut, ct);
        var monthText = MonthField.Text(row.Month);
        await audit.WriteAsync(AuditActions.PaperHandedOut, $"{instrument.Key} {centre.Key} {monthText}: {row.Count} form(s)", ct: ct);
        return (new PaperDistributionRecorded(row.Id, instrument.Key, centre.Key, monthText, row.Count), errors);
    }
}
