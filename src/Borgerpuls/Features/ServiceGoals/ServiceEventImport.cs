using System.Globalization;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Import;
using Borgerpuls.Features.Import.Reading;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.ServiceGoals;

/// <summary>What an event-log import did: rows read, events added, events updated (an answer time added or a changed
/// kind or time) and events already stored as the file has them.</summary>
public sealed record ServiceEventImportResult(int Rows, int Added, int Updated, int Unchanged);

/// <summary>Imports an event log (CSV or XLSX: event id, kind, job centre, received at, answered or acknowledged at) through
/// the survey import's file reading. All or nothing: every problem of the file is listed (line, column, text said in the
/// reader's language) and nothing is written while there is one. An event is known by its id within its job centre, so
/// the same or an overlapping file adds nothing twice; an event seen again with an answer time is completed, never
/// un-answered.</summary>
public static class ServiceEventImport
{
    /// <summary>The columns, each under the names a Danish or English export gives it (compared without case, spaces,
    /// hyphens and underscores).</summary>
    private static readonly (string Field, string[] Names)[] Fields =
    [
        ("id", ["eventid", "hændelsesid", "hændelseid", "haendelsesid", "id", "sagsid", "henvendelsesid"]),
        ("kind", ["kind", "type", "hændelsestype", "art", "slags", "eventtype"]),
        ("centre", ["jobcentre", "jobcenter", "jobcentrekey"]),
        ("received", ["receivedat", "received", "modtaget", "modtagetkl", "modtagettidspunkt"]),
        ("handled", ["handledat", "answeredat", "acknowledgedat", "answered", "handled", "besvaret", "besvaretkl", "kvitteret",
            "besvaretellerkvitteret", "besvaretkvitteret"]),
    ];

    /// <summary>Each column's name in a missing-columns problem, said in the reader's language; both languages' names are
    /// among the names the column is found by.</summary>
    private static readonly Dictionary<string, string> ColumnNames = new()
    {
        ["id"] = "ServiceEvents.Column.Id", ["kind"] = "ServiceEvents.Column.Kind", ["centre"] = "ServiceEvents.Column.Centre",
        ["received"] = "ServiceEvents.Column.Received", ["handled"] = "ServiceEvents.Column.Handled",
    };

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd H:mm",
        "d.M.yyyy HH:mm", "d.M.yyyy H:mm", "d.M.yyyy HH:mm:ss", "d-M-yyyy HH:mm", "d-M-yyyy H:mm", "d/M/yyyy HH:mm", "d.M.yyyy HH.mm",
    ];

    private sealed record Row(int Line, string Key, string Kind, int CentreId, DateTime ReceivedAt, DateTime? HandledAt);

    /// <summary>Checks and imports <paramref name="stream"/> (<paramref name="fileName"/> decides CSV or XLSX).</summary>
    /// <exception cref="ImportRejectedException">Every problem; nothing was written.</exception>
    public static async Task<ServiceEventImportResult> RunAsync(BorgerpulsDb db, Stream stream, string fileName, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await CheckAsync(db, stream, fileName, ct);
        // Two copies of one file imported at once: the unique index stops the second copy's inserts, and a second look
        // then finds the first copy's events stored.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await WriteAsync(db, rows, ct);
                db.AuditEntries.Add(new AuditEntry
                {
                    At = now.UtcDateTime, Actor = actor, Action = AuditActions.ServiceGoalImport,
                    Details = $"{Path.GetFileName(fileName)}: {result.Rows} rows, {result.Added} added, {result.Updated} updated, {result.Unchanged} unchanged",
                });
                await db.SaveChangesAsync(ct);
                return result;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<ServiceEventImportResult> WriteAsync(BorgerpulsDb db, List<Row> rows, CancellationToken ct)
    {
        var centreIds = rows.Select(r => r.CentreId).Distinct().ToList();
        var stored = (await db.ServiceEvents.Where(e => centreIds.Contains(e.JobCentreId)).ToListAsync(ct))
            .ToDictionary(e => (e.JobCentreId, e.EventKey));
        int added = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            if (!stored.TryGetValue((row.CentreId, row.Key), out var known))
            {
                db.ServiceEvents.Add(new ServiceEvent { EventKey = row.Key, Kind = row.Kind, JobCentreId = row.CentreId, ReceivedAt = row.ReceivedAt, HandledAt = row.HandledAt });
                added++;
                continue;
            }
            // An older export that has no answer yet does not erase the answer a newer one brought.
            var handled = row.HandledAt ?? known.HandledAt;
            if (known.Kind == row.Kind && known.ReceivedAt == row.ReceivedAt && known.HandledAt == handled)
            {
                unchanged++;
                continue;
            }
            (known.Kind, known.ReceivedAt, known.HandledAt) = (row.Kind, row.ReceivedAt, handled);
            updated++;
        }
        // One SaveChanges: all rows or none.
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return new ServiceEventImportResult(rows.Count, added, updated, unchanged);
    }

    /// <summary>Every row as an event, or every problem of the file at once.</summary>
    private static async Task<List<Row>> CheckAsync(BorgerpulsDb db, Stream stream, string fileName, CancellationToken ct)
    {
        var centres = await db.JobCentres.AsNoTracking().Select(j => new { j.Id, j.Key, j.Name }).ToListAsync(ct);
        var byKey = centres.ToDictionary(c => c.Key, c => c.Id, StringComparer.OrdinalIgnoreCase);
        // A name shared by two centres (in two municipalities) cannot say which one is meant: only the key can.
        var byName = centres.GroupBy(c => c.Name.Trim(), StringComparer.CurrentCultureIgnoreCase).Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Id, StringComparer.CurrentCultureIgnoreCase);

        var errors = new List<ImportError>();
        var total = 0;
        void Error(int line, string? column, string key, params object?[] args) => Problem(line, column, Wording.Of(key, args));
        void Problem(int line, string? column, Localization.Wording message)
        {
            total++;
            if (errors.Count < Importer.MaxListedErrors) errors.Add(new ImportError(line, column, message));
        }
        var rows = new List<Row>();
        try
        {
            using var file = WideFileReader.Open(stream, fileName, ReadLimits.Default);
            var columns = new Dictionary<string, int>();
            for (var i = 0; i < file.Header.Count; i++)
            {
                var name = Normalise(file.Header[i]);
                if (Fields.FirstOrDefault(f => f.Names.Contains(name)) is { Field: { } field } && !columns.ContainsKey(field)) columns[field] = i;
            }
            var missing = Fields.Select(f => f.Field).Where(f => !columns.ContainsKey(f)).ToList();
            if (missing.Count > 0)
            {
                Error(1, null, "ServiceEvents.Error.MissingColumns", Wording.List(missing.Select(f => Wording.Of(ColumnNames[f]))));
                throw new ImportRejectedException(errors, total);
            }
            var seen = new Dictionary<(int, string), int>();
            foreach (var row in file.Rows)
            {
                string Cell(string field) => row.Cells[columns[field]].Trim();
                string Header(string field) => file.Header[columns[field]].Trim();
                var ok = true;
                void Fail(string field, Wording message)
                {
                    Problem(row.Line, Header(field), message);
                    ok = false;
                }
                var key = Cell("id");
                if (key.Length == 0) Fail("id", Wording.Of("ServiceEvents.Error.IdMissing"));
                else if (key.Length > ServiceEvent.MaxEventKey) Fail("id", Wording.Of("ServiceEvents.Error.IdTooLong", ServiceEvent.MaxEventKey));
                var kind = Cell("kind");
                if (kind.Length == 0) Fail("kind", Wording.Of("ServiceEvents.Error.KindMissing"));
                else if (kind.Length > ServiceEvent.MaxKind) Fail("kind", Wording.Of("ServiceEvents.Error.KindTooLong", ServiceEvent.MaxKind));
                var centreText = Cell("centre");
                int centre = 0;
                if (centreText.Length == 0) Fail("centre", Wording.Of("ServiceEvents.Error.CentreMissing"));
                else if (!byKey.TryGetValue(centreText, out centre) && !byName.TryGetValue(centreText, out centre))
                {
                    Fail("centre", Wording.Of("ServiceEvents.Error.UnknownCentre", centreText));
                }
                var received = ReadTime(Cell("received"), "received", required: true, Fail);
                var handled = ReadTime(Cell("handled"), "handled", required: false, Fail);
                if (received is { } r && handled is { } h && h < r) Fail("handled", Wording.Of("ServiceEvents.Error.HandledBeforeReceived"));
                if (!ok) continue;
                if (seen.TryGetValue((centre, key), out var first))
                {
                    Fail("id", Wording.Of("ServiceEvents.Error.DuplicateId", key, first));
                    continue;
                }
                seen[(centre, key)] = row.Line;
                rows.Add(new Row(row.Line, key, kind, centre, received!.Value, handled));
            }
            foreach (var problem in file.Problems) Problem(problem.Line, problem.Column, Wording.Both(problem.DanishMessage, problem.Message));
            total += file.ProblemCount - file.Problems.Count;
            if (rows.Count == 0 && total == 0) Error(2, null, "ServiceEvents.Error.NoRows");
        }
        catch (Import.Reading.ImportFileException e)
        {
            Problem(e.Line ?? 1, null, Wording.Both(e.DanishMessage, e.Message));
        }
        if (total > 0) throw new ImportRejectedException(errors.OrderBy(e => e.Line).ToList(), total);
        return rows;
    }

    private static string Normalise(string header) =>
        new(header.Trim().ToLowerInvariant().Where(c => c is not (' ' or '_' or '-' or '.' or '/')).ToArray());

    /// <summary>A time as written (ISO or Danish), read as Danish local time unless it names its offset, in UTC; an Excel
    /// day number from a workbook cell likewise.</summary>
    private static DateTime? ReadTime(string text, string field, bool required, Action<string, Wording> fail)
    {
        if (text.Length == 0)
        {
            if (required) fail(field, Wording.Of("ServiceEvents.Error.ReceivedMissing"));
            return null;
        }
        if (text.EndsWith('Z') || text.Length > 19 && (text[^6] is '+' or '-'))
        {
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset)) return withOffset.UtcDateTime;
        }
        DateTime local;
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) local = parsed;
        else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000) local = DateTime.FromOADate(serial);
        else
        {
            fail(field, Wording.Of("ServiceEvents.Error.NotATime", text));
            return null;
        }
        if (DanishTime.Zone.IsInvalidTime(local))
        {
            fail(field, Wording.Of("ServiceEvents.Error.NoSuchTime", text));
            return null;
        }
        // A time in the hour the clocks repeat in October is read as the later (winter time) of the two.
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), DanishTime.Zone);
    }
}
