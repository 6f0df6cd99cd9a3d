using System.Globalization;
using Borgerpuls.Localization;
using System.Text;
using Borgerpuls.Data;
using Borgerpuls.Data.Aggregates;
using Borgerpuls.Data.Bulk;
using Borgerpuls.Domain;
using Borgerpuls.Features.Ingest;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Security;
using Borgerpuls.Security.Input;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Import;

public sealed record ImportOptions(string Instrument)
{
    public string? MappingFile { get; init; }
    public string? Campaign { get; init; }
    public bool Strict { get; init; }

    /// <summary>Background columns the file lacks, with one value for every row (<c>--set jobcenter=jc-nord</c>): exports
    /// of one job centre's survey from another tool carry no job-centre column. Keys are column names as in a header.</summary>
    public IReadOnlyDictionary<string, string> Fixed { get; init; } = new Dictionary<string, string>();

    /// <summary>Fixed values written as <c>COLUMN=VALUE</c> (command line, API).</summary>
    public static Dictionary<string, string> ParseFixed(IEnumerable<string> values)
    {
        var fixedValues = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values)
        {
            var at = value.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0)
            {
                throw new ImportFileException("Import.Error.SetFormat", value);
            }
            if (!fixedValues.TryAdd(value[..at].Trim(), value[(at + 1)..]))
            {
                throw new ImportFileException("Import.Error.SetTwice", value[..at]);
            }
        }
        return fixedValues;
    }

    /// <summary>Name of the municipality in which job centres the file names are created, when the configuration has none
    /// or several; a new database gets <see cref="Importer.DefaultMunicipality"/>.</summary>
    public string? Municipality { get; init; }

    /// <summary>A mapping given directly (API, web wizard); wins over <see cref="MappingFile"/>.</summary>
    public ImportMapping? Mapping { get; init; }

    /// <summary>Check everything and report what would happen, without writing anything.</summary>
    public bool DryRun { get; init; }

    /// <summary>Who imports, for the audit log.</summary>
    public string Actor { get; init; } = "import";
}

public sealed record ImportSummary(Wording File, int Rows, int Imported, int Skipped, IReadOnlyList<Wording> Created)
{
    public TimeSpan Checking { get; init; }
    public TimeSpan Writing { get; init; }
    public bool DryRun { get; init; }
}

/// <summary>Every problem the file has; nothing was written.</summary>
public sealed class ImportRejectedException(IReadOnlyList<ImportError> errors, int total)
    : Exception($"The import was rejected and nothing was written: {total} error(s).")
{
    public IReadOnlyList<ImportError> Errors { get; } = errors;
    public int Total { get; } = total;
}

/// <summary>Imports a wide survey file (SPEC §6) in two passes over the stream: the first checks every row and cell and
/// lists every problem (nothing is written if there is one); the second writes in batches. Respondent ids become
/// name-based response ids, so rows already imported are skipped, never duplicated — which also makes an interrupted import
/// safe to run again.</summary>
public static class Importer
{
    public const int MaxListedErrors = 500;
    private const int Batch = 5_000;

    internal static readonly Dictionary<string, string> Background = new(StringComparer.OrdinalIgnoreCase)
    {
        ["respondent_id"] = "respondent_id", ["respondent"] = "respondent_id",
        ["submitted_at"] = "submitted_at", ["dato"] = "submitted_at", ["date"] = "submitted_at",
        ["jobcenter"] = "jobcentre", ["jobcentre"] = "jobcentre", ["site"] = "site", ["afdeling"] = "site", ["adresse"] = "site",
        ["unit"] = "unit", ["team"] = "unit", ["target_group"] = "target_group", ["maalgruppe"] = "target_group", ["målgruppe"] = "target_group",
        ["channel"] = "channel", ["kanal"] = "channel", ["language"] = "language", ["sprog"] = "language", ["meeting_type"] = "meeting_type",
    };

    // A fixed value (--set) has no index in the file; Header then names the option, for error messages.
    private sealed record Column(int Index, string Header, string? Field, QuestionDefinition? Question, string? Value = null);

    public const string DefaultMunicipality = "Kommunen";

    private sealed class Organisation
    {
        public int MunicipalityId;
        public int Municipalities;
        public Dictionary<string, int> Centres = new(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, (int Id, int CentreId)> Sites = new(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, (int Id, int SiteId)> Units = new(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, int> TargetGroups = new(StringComparer.OrdinalIgnoreCase);
        /// <summary>The target groups' keys alone, for saying what a cell may hold (the names are in seven languages).</summary>
        public List<string> TargetGroupKeys = [];
        /// <summary>What the file names that is not configured, in words for the summary.</summary>
        public SortedDictionary<string, Wording> ToCreate = new(StringComparer.Ordinal);

        /// <summary>Notes a place to create under a key that orders and deduplicates; false when it was noted already.</summary>
        public bool Create(string key, string resource, params object?[] args) => ToCreate.TryAdd(key, Wording.Of(resource, args));

        // The same as data, as first met: a name as written and the name of the place it belongs to as written. Names are kept
        // as they are (a name may hold quotes, or differ from another only in case or punctuation); keys are made at creation.
        public string? NewMunicipality;
        public List<string> NewCentres = [];
        public List<(string Name, string Centre)> NewSites = [];
        public List<(string Name, string Site)> NewUnits = [];
    }

    public static async Task<ImportSummary> RunAsync(BorgerpulsDbFactory databases, string path, ImportOptions options, DateTimeOffset now, CancellationToken ct)
    {
        var mapping = options.Mapping ?? ImportMapping.Load(options.MappingFile);
        InstrumentDefinition instrument;
        Organisation org;
        int? campaignId = null;
        await using (var db = databases.Create())
        {
            var versionId = await db.InstrumentVersions.LatestPublished(options.Instrument).Select(v => (int?)v.Id).FirstOrDefaultAsync(ct)
                ?? throw new ImportFileException("Import.Error.UnknownInstrument", options.Instrument);
            instrument = await InstrumentCatalog.LoadAsync(db, versionId, ct);
            org = await LoadOrganisationAsync(db, options.Municipality, ct);
            if (options.Campaign is { } key)
            {
                campaignId = await db.Campaigns.Where(c => c.Key == key).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct)
                    ?? throw new ImportFileException("Import.Error.UnknownCampaign", key);
            }
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var file = Read(() => Reading.WideFileReader.Open(path));
        var errors = new List<ImportError>();
        var total = 0;
        void Error(int line, string? column, Wording message)
        {
            total++;
            if (errors.Count < MaxListedErrors) errors.Add(new ImportError(line, column, message));
        }
        var columns = Columns(file.Header, instrument, mapping, Error);
        columns.AddRange(FixedColumns(options.Fixed, columns));
        if (!columns.Any(c => c.Field == "respondent_id"))
        {
            Error(1, null, Wording.Of("Import.Error.RespondentColumn"));
        }
        if (!columns.Any(c => c.Field == "jobcentre"))
        {
            Error(1, null, Wording.Of("Import.Error.JobCentreColumn"));
        }

        var idKey = Security.DeploymentKey.For(databases.Target);
        var rows = 0;
        // The response ids the rows will get rather than the respondent ids' text: 16 bytes a row whatever the ids look
        // like, and the same key the writing pass and a dry run compare with stored responses.
        var seen = new HashSet<Guid>();
        // The reader hands over only rows shaped like the header; the others are its problems, listed with the rest.
        Read(() =>
        {
            foreach (var row in file.Rows)
            {
                rows++;
                Build(row.Line, row.Cells, columns, instrument, mapping, org, options, campaignId, now, idKey, Error, seen);
            }
            return 0;
        });
        foreach (var problem in file.Problems)
        {
            Error(problem.Line, problem.Column, Wording.Both(problem.DanishMessage, problem.Message));
        }
        total += file.ProblemCount - file.Problems.Count;
        if (rows == 0 && file.ProblemCount == 0) Error(2, null, Wording.Of("Import.Error.NoRows"));
        if (org.ToCreate.Count > 0 && org.MunicipalityId == 0)
        {
            if (org.Municipalities > 1 && options.Municipality is null)
            {
                Error(1, HeaderOf(columns, "jobcentre"), Wording.Of("Import.Error.WhichMunicipality", Wording.List(org.ToCreate.Values), org.Municipalities));
            }
            else
            {
                var name = options.Municipality ?? DefaultMunicipality;
                org.Create($"municipality {Slug(name)}", "Import.Create.Municipality", Slug(name), name);
                org.NewMunicipality = name;
            }
        }
        if (total > 0)
        {
            throw new ImportRejectedException(errors, total);
        }

        var checking = clock.Elapsed;
        var created = org.ToCreate.Values.ToList();
        // The encoding is certain only now that every byte was read. The checking pass's reader goes now: the writing pass
        // opens its own.
        var description = file.Description;
        file.Dispose();
        if (options.DryRun)
        {
            var already = await KnownIdsAsync(databases, instrument.InstrumentId, idKey, ct);
            var before = seen.Count(already.Contains);
            return new ImportSummary(description, rows, rows - before, before, created) { Checking = checking, DryRun = true };
        }
        // The checking pass's ids are not needed for writing (the writing pass skips by stored id): let them go.
        seen.Clear();
        seen.TrimExcess();
        await using (var db = databases.Create())
        {
            await CreateAsync(db, org, ct);
            db.AuditEntries.Add(new AuditEntry { At = now.UtcDateTime, Actor = options.Actor, Action = AuditActions.Import, Details = $"{Path.GetFileName(path)} → {options.Instrument}: {rows} rows" });
            await db.SaveChangesAsync(ct);
        }

        // One look-up of the respondents this instrument already has from imports, instead of one query per batch; the
        // aggregates of all batches are written once, in the last transaction (a marker repairs an interrupted import).
        var known = await KnownIdsAsync(databases, instrument.InstrumentId, idKey, ct);
        var imported = 0;
        var skipped = 0;
        await using var writer = await ResponseBulkWriter.OpenDeferredAsync(databases, $"import {Path.GetFileName(path)} → {options.Instrument}", ct);
        try
        {
            // Reading and building rows (managed code) on one core while SQLite or COPY writes the previous batch on the
            // other; at most three batches are in memory.
            var batches = System.Threading.Channels.Channel.CreateBounded<List<ResponseRow>>(new System.Threading.Channels.BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
            var producer = Task.Run(() =>
            {
                try
                {
                    var batch = new List<ResponseRow>(Batch);
                    using var again = Read(() => Reading.WideFileReader.Open(path));
                    foreach (var line in again.Rows)
                    {
                        var row = Build(line.Line, line.Cells, columns, instrument, mapping, org, options, campaignId, now, idKey, (_, _, _) => { }, null);
                        if (row is null) continue;
                        if (known.Contains(row.Response.Id)) { Interlocked.Increment(ref skipped); continue; }
                        batch.Add(row);
                        if (batch.Count < Batch) continue;
                        WaitFor(batches.Writer.WriteAsync(InIdOrder(batch), ct));
                        batch = new List<ResponseRow>(Batch);
                    }
                    if (batch.Count > 0) WaitFor(batches.Writer.WriteAsync(InIdOrder(batch), ct));
                    batches.Writer.TryComplete();
                }
                catch (Exception e)
                {
                    batches.Writer.TryComplete(e);
                }
            }, ct);
            try
            {
                await foreach (var batch in batches.Reader.ReadAllAsync(ct))
                {
                    await writer.WriteAsync(batch, ct);
                    imported += batch.Count;
                }
            }
            finally
            {
                // If writing failed, a reader blocked on the full channel must not wait forever.
                batches.Writer.TryComplete();
            }
            await producer;
            await writer.FlushAggregatesAsync(ct);
        }
        catch (Exception)
        {
            // Responses may have been committed without their aggregates: recompute them now rather than at the next start.
            await writer.AbandonAsync(CancellationToken.None);
            throw;
        }
        return new ImportSummary(description, rows, imported, skipped, created) { Checking = checking, Writing = clock.Elapsed - checking };
    }

    /// <summary>Name-based ids are random, and so are the places in the id index a batch inserts into; in id order the
    /// inserts walk the index once from start to end, meeting each page while it is still in SQLite's cache (at 1 M rows
    /// this halved the time spent inserting). Sorting costs the reading core little.</summary>
    private static List<ResponseRow> InIdOrder(List<ResponseRow> batch)
    {
        batch.Sort(static (a, b) => a.Response.Id.CompareTo(b.Response.Id));
        return batch;
    }

    private static void WaitFor(ValueTask write)
    {
        if (!write.IsCompletedSuccessfully) write.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>The ids of responses an earlier import of this instrument wrote (keyed, version 8; the channels' ids are
    /// random, version 4): about 40 bytes per imported respondent, read once. An id an earlier version stored unkeyed
    /// (version 5), not yet replaced by the start-up upgrade, counts as the keyed id it becomes, so its row is skipped too.</summary>
    private static async Task<HashSet<Guid>> KnownIdsAsync(BorgerpulsDbFactory databases, int instrumentId, byte[] key, CancellationToken ct)
    {
        var known = new HashSet<Guid>();
        await using var db = databases.Create();
        await foreach (var id in db.Responses.AsNoTracking().Where(r => r.InstrumentId == instrumentId).Select(r => r.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (id.Version == 8) known.Add(id);
            else if (id.Version == 5) known.Add(NameBasedId.Keyed(key, id));
        }
        return known;
    }

    private static List<Column> Columns(IReadOnlyList<string> header, InstrumentDefinition instrument, ImportMapping mapping, Action<int, string?, Wording> error)
    {
        var columns = new List<Column>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i];
            var target = mapping.Columns.GetValueOrDefault(name) ?? name;
            if (target.Equals("ignore", StringComparison.OrdinalIgnoreCase)) continue;
            if (Background.TryGetValue(target, out var field)) { columns.Add(new Column(i, name, field, null)); continue; }
            var question = instrument.Questions.FirstOrDefault(q => q.Key.Equals(target, StringComparison.OrdinalIgnoreCase));
            if (question is null)
            {
                error(1, name, Wording.Of("Import.Error.UnknownColumn", instrument.Key, string.Join(", ", instrument.Questions.Select(q => q.Key))));
                continue;
            }
            columns.Add(new Column(i, name, null, question));
        }
        return columns;
    }

    private static string? HeaderOf(List<Column> columns, string field) => columns.FirstOrDefault(c => c.Field == field)?.Header;

    private static IEnumerable<Column> FixedColumns(IReadOnlyDictionary<string, string> values, List<Column> columns)
    {
        foreach (var (name, value) in values)
        {
            var option = $"--set {name}";
            if (!Background.TryGetValue(name, out var field) || field == "respondent_id")
            {
                throw new ImportFileException("Import.Error.SetNotBackground", option);
            }
            if (HeaderOf(columns, field) is { } header)
            {
                throw new ImportFileException("Import.Error.SetOverwrites", option, header);
            }
            if (value.Trim().Length == 0)
            {
                throw new ImportFileException("Import.Error.SetEmpty", option);
            }
            yield return new Column(-1, option, field, null, value);
        }
    }

    /// <summary>The reader's whole-file errors as this feature's own.</summary>
    internal static T Read<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Reading.ImportFileException e)
        {
            throw new ImportFileException(Wording.Both(e.DanishMessage, e.Message));
        }
    }

    private static ResponseRow? Build(int line, IReadOnlyList<string> cells, List<Column> columns, InstrumentDefinition instrument, ImportMapping mapping, Organisation org,
        ImportOptions options, int? campaignId, DateTimeOffset now, byte[] key, Action<int, string?, Wording> error, HashSet<Guid>? seen)
    {
        string Cell(string field) => columns.FirstOrDefault(c => c.Field == field) is { } c ? (c.Value ?? (c.Index < cells.Count ? cells[c.Index] : "")).Trim() : "";
        string? HeaderOf(string field) => Importer.HeaderOf(columns, field);
        var ok = true;
        void Fail(string? column, Wording message) { ok = false; error(line, column, message); }

        var respondent = Cell("respondent_id");
        if (respondent.Length == 0) Fail(HeaderOf("respondent_id"), Wording.Of("Import.Error.RespondentEmpty"));
        else if (seen is not null && !seen.Add(NameBasedId.For(key, instrument.Key, respondent))) Fail(HeaderOf("respondent_id"), Wording.Of("Import.Error.RespondentTwice", respondent));

        var centreName = Cell("jobcentre");
        int centreId = 0;
        if (centreName.Length == 0) Fail(HeaderOf("jobcentre"), Wording.Of("Import.Error.JobCentreEmpty"));
        else if (org.Centres.TryGetValue(centreName, out var c)) centreId = c;
        else if (options.Strict) Fail(HeaderOf("jobcentre"), Wording.Of("Import.Error.UnknownJobCentre", centreName));
        else if (NewPlaceProblem(centreName) is { } badCentre) Fail(HeaderOf("jobcentre"), badCentre);
        else if (org.Create($"job centre {Slug(centreName)} \"{centreName}\"", "Import.Create.JobCentre", Slug(centreName), centreName)) org.NewCentres.Add(centreName);

        var siteName = Cell("site");
        int? siteId = null;
        if (siteName.Length > 0)
        {
            if (org.Sites.TryGetValue(siteName, out var s)) siteId = s.Id;
            else if (options.Strict) Fail(HeaderOf("site"), Wording.Of("Import.Error.UnknownSite", siteName));
            else if (NewPlaceProblem(siteName) is { } badSite) Fail(HeaderOf("site"), badSite);
            else if (centreName.Length > 0 && org.Create($"site {Slug(siteName)} \"{siteName}\" in {Slug(centreName)}", "Import.Create.Site", Slug(siteName), siteName, Slug(centreName))) org.NewSites.Add((siteName, centreName));
        }
        var unitName = Cell("unit");
        int? unitId = null;
        if (unitName.Length > 0)
        {
            if (org.Units.TryGetValue(unitName, out var u)) unitId = u.Id;
            else if (options.Strict || siteName.Length == 0) Fail(HeaderOf("unit"), siteName.Length == 0 ? Wording.Of("Import.Error.UnitNeedsSite", unitName) : Wording.Of("Import.Error.UnknownUnit", unitName));
            else if (NewPlaceProblem(unitName) is { } badUnit) Fail(HeaderOf("unit"), badUnit);
            else if (org.Create($"unit {Slug(unitName)} \"{unitName}\" at {Slug(siteName)}", "Import.Create.Unit", Slug(unitName), unitName, Slug(siteName))) org.NewUnits.Add((unitName, siteName));
        }
        var groupName = Cell("target_group");
        int? groupId = null;
        if (groupName.Length > 0)
        {
            if (org.TargetGroups.TryGetValue(groupName, out var g)) groupId = g;
            else Fail(HeaderOf("target_group"), Wording.Of("Import.Error.NotTargetGroup", groupName, string.Join(", ", org.TargetGroupKeys.Take(9))));
        }
        var channel = Channel.Import;
        var channelText = Cell("channel");
        if (channelText.Length > 0 && !Enum.TryParse(channelText, true, out channel)) Fail(HeaderOf("channel"), Wording.Of("Import.Error.NotChannel", channelText));
        var language = Cell("language") is { Length: > 0 } lang ? lang.ToLowerInvariant() : "da";
        var submitted = now;
        var when = Cell("submitted_at");
        if (when.Length > 0 && !TryDate(when, out submitted)) Fail(HeaderOf("submitted_at"), Wording.Of("Import.Error.NotDate", when));

        var builder = new ResponseBuilder(instrument);
        foreach (var column in columns.Where(c => c.Question is not null))
        {
            var raw = column.Index < cells.Count ? cells[column.Index] : "";
            if (string.IsNullOrWhiteSpace(raw)) continue;
            var q = column.Question!;
            if (q.Type == QuestionType.FreeText)
            {
                builder.Write(q, raw);
                continue;
            }
            // Cells name options by code, value or label, recoded by the mapping; the builder gets the codes.
            var parts = q.Type == QuestionType.MultipleChoice ? raw.Split([',', ';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [raw.Trim()];
            var codes = new List<string>();
            foreach (var part in parts)
            {
                var recoded = mapping.Values.GetValueOrDefault(q.Key)?.GetValueOrDefault(part) ?? part;
                if (q.Find(recoded) is { } option) codes.Add(option.Code);
                else Fail(column.Header, Wording.Of("Import.Error.NotOption", part, q.ScaleKey ?? q.Key, string.Join(", ", q.Options.Select(o => $"{o.Code} ({o.Labels.Da})"))));
            }
            builder.Choose(q, codes);
        }
        var context = new ResponseContext(centreId)
        {
            SiteId = siteId, UnitId = unitId, TargetGroupId = groupId, Language = language,
            MeetingType = Cell("meeting_type") is { Length: > 0 } meeting ? meeting : null,
        };
        if (!builder.Check(context, requireAnswers: false))
        {
            foreach (var problem in builder.Errors) Fail(ColumnOf(problem.Field, columns), Wording.Of(problem.Key, problem.Args));
        }
        if (!ok) return null;
        if (seen is not null) return null; // first pass: checks only
        context = context with
        {
            JobCentreId = centreId != 0 ? centreId : org.Centres.GetValueOrDefault(centreName),
            SiteId = siteId ?? (siteName.Length > 0 && org.Sites.TryGetValue(siteName, out var createdSite) ? createdSite.Id : null),
            UnitId = unitId ?? (unitName.Length > 0 && org.Units.TryGetValue(unitName, out var createdUnit) ? createdUnit.Id : null),
        };
        return builder.Build(NameBasedId.For(key, instrument.Key, respondent), channel, submitted, campaignId, context, requireAnswers: false);
    }

    /// <summary>The header of the column a builder problem is about.</summary>
    private static string? ColumnOf(string field, List<Column> columns) => field switch
    {
        "context.language" => columns.FirstOrDefault(c => c.Field == "language")?.Header,
        "context.meetingType" => columns.FirstOrDefault(c => c.Field == "meeting_type")?.Header,
        _ => columns.FirstOrDefault(c => c.Question is not null && ResponseBuilder.Field(c.Question) == field)?.Header,
    };

    private static bool TryDate(string text, out DateTimeOffset value)
    {
        string[] formats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "dd-MM-yyyy", "dd.MM.yyyy", "dd/MM/yyyy", "d-M-yyyy", "d.M.yyyy"];
        if (DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out value)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out value))
        {
            return true;
        }
        // Excel stores dates as day numbers.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000)
        {
            value = new DateTimeOffset(DateTime.FromOADate(serial), TimeSpan.Zero);
            return true;
        }
        return false;
    }

    private static async Task<Organisation> LoadOrganisationAsync(BorgerpulsDb db, string? municipality, CancellationToken ct)
    {
        var org = new Organisation();
        var municipalities = await db.Municipalities.AsNoTracking().ToListAsync(ct);
        org.Municipalities = municipalities.Count;
        org.MunicipalityId = municipality is null
            ? municipalities.Count == 1 ? municipalities[0].Id : 0
            : municipalities.FirstOrDefault(m => m.Key.Equals(municipality, StringComparison.OrdinalIgnoreCase) || m.Name.Equals(municipality, StringComparison.OrdinalIgnoreCase))?.Id ?? 0;
        foreach (var j in await db.JobCentres.AsNoTracking().ToListAsync(ct)) { org.Centres[j.Key] = j.Id; org.Centres.TryAdd(j.Name, j.Id); }
        foreach (var s in await db.Sites.AsNoTracking().ToListAsync(ct)) { org.Sites[s.Key] = (s.Id, s.JobCentreId); org.Sites.TryAdd(s.Name, (s.Id, s.JobCentreId)); }
        foreach (var u in await db.Units.AsNoTracking().ToListAsync(ct)) { org.Units[u.Key] = (u.Id, u.SiteId); org.Units.TryAdd(u.Name, (u.Id, u.SiteId)); }
        foreach (var t in await db.TargetGroups.AsNoTracking().ToListAsync(ct))
        {
            org.TargetGroups[t.Key] = t.Id;
            org.TargetGroupKeys.Add(t.Key);
            foreach (var name in t.Names.Values) org.TargetGroups.TryAdd(name, t.Id);
        }
        return org;
    }

    /// <summary>Creates the job centres, sites and units the file named and the configuration did not have. A name met before
    /// in another spelling of case finds what was created for it; a name whose key is taken (by another place, in any
    /// municipality: a key names one place in the deployment) gets the next free key, <c>-2</c>, <c>-3</c> ….</summary>
    private static async Task CreateAsync(BorgerpulsDb db, Organisation org, CancellationToken ct)
    {
        if (org.ToCreate.Count == 0) return;
        if (org.NewMunicipality is { } municipalityName)
        {
            var taken = await db.Municipalities.Select(m => m.Key).ToListAsync(ct);
            var created = new Municipality { Key = FreeKey(municipalityName, taken), Name = municipalityName };
            db.Municipalities.Add(created);
            await db.SaveChangesAsync(ct);
            org.MunicipalityId = created.Id;
        }
        var centreKeys = (await db.JobCentres.Select(j => j.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var name in org.NewCentres.Where(n => !org.Centres.ContainsKey(n)))
        {
            var centre = new JobCentre { Key = FreeKey(name, centreKeys), Name = name, MunicipalityId = org.MunicipalityId };
            db.JobCentres.Add(centre);
            await db.SaveChangesAsync(ct);
            centreKeys.Add(centre.Key);
            org.Centres[name] = centre.Id;
            org.Centres.TryAdd(centre.Key, centre.Id);
        }
        var siteKeys = (await db.Sites.Select(x => x.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, centreName) in org.NewSites.Where(x => !org.Sites.ContainsKey(x.Name)))
        {
            var site = new Site { Key = FreeKey(name, siteKeys), Name = name, MunicipalityId = org.MunicipalityId, JobCentreId = org.Centres[centreName] };
            db.Sites.Add(site);
            await db.SaveChangesAsync(ct);
            siteKeys.Add(site.Key);
            org.Sites[name] = (site.Id, site.JobCentreId);
            org.Sites.TryAdd(site.Key, (site.Id, site.JobCentreId));
        }
        var unitKeys = (await db.Units.Select(u => u.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, siteName) in org.NewUnits.Where(x => !org.Units.ContainsKey(x.Name)))
        {
            var unit = new Unit { Key = FreeKey(name, unitKeys), Name = name, MunicipalityId = org.MunicipalityId, SiteId = org.Sites[siteName].Id };
            db.Units.Add(unit);
            await db.SaveChangesAsync(ct);
            unitKeys.Add(unit.Key);
            org.Units[name] = (unit.Id, unit.SiteId);
            org.Units.TryAdd(unit.Key, (unit.Id, unit.SiteId));
        }
    }

    /// <summary>A place the file names that is not configured is created under the name as written, so the name must fit its
    /// column and hold no control character (PostgreSQL refuses a NUL; a name with one failed the whole import at the end).</summary>
    private static Wording? NewPlaceProblem(string name) =>
        name.Length > MaxPlaceName ? Wording.Of("Import.Error.NameTooLong", name[..40], name.Length, MaxPlaceName)
        : !CleanText.IsClean(name) ? Wording.Of("Import.Error.NameInvalid")
        : null;

    private const int MaxPlaceName = 400;

    private static string FreeKey(string name, IReadOnlyCollection<string> taken)
    {
        var stem = Slug(name) is { Length: > 0 } slug ? slug[..Math.Min(slug.Length, 60)].TrimEnd('-') : "sted";
        if (stem.Length == 0) stem = "sted";
        return Enumerable.Range(1, int.MaxValue).Select(n => n == 1 ? stem : $"{stem}-{n}").First(k => !taken.Contains(k));
    }

    /// <summary>A key from a Danish name: "Jobcenter Sjællandsgade" → "jobcenter-sjaellandsgade".</summary>
    public static string Slug(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            text.Append(c switch { 'æ' => "ae", 'ø' => "oe", 'å' => "aa", _ when char.IsAsciiLetterOrDigit(c) => c.ToString(), _ => "-" });
        }
        var slug = string.Join('-', text.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length > 64 ? slug[..64] : slug;
    }
}
