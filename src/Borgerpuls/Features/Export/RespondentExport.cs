using System.Globalization;
using System.Runtime.CompilerServices;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Features.Results;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Export;

/// <summary>Anonymised respondent-level data for analysts: one row per response with the month (not the hour), the context
/// and the answers as option codes, and redacted comments. A context combination (job centre, site, unit, target group) with
/// fewer than k rows has its unit and target group blanked as <c>*</c>, so no small group can be picked out.
/// The rows are produced as they are read, a few thousand at a time, so that a national export (millions of rows) is
/// written without holding it in memory: the database counts the combinations and the rows per hour first, then the rows
/// are read a run of whole hours at a time, in their export order, with their comments.</summary>
public static class RespondentExport
{
    public const string Coarsened = "*";

    private const int Batch = 5_000;

    public sealed record Rows(IReadOnlyList<string> Header, int Count, IAsyncEnumerable<IReadOnlyList<string?>> Values);

    public static async Task<Rows> OpenAsync(BorgerpulsDb db, ResultsRequest request, int k, CancellationToken ct)
    {
        var instrument = await db.Instruments.SingleOrDefaultAsync(i => i.Key == request.Instrument, ct) ?? throw new ResultsException("Results.Error.UnknownInstrument", request.Instrument);
        var versionId = await db.InstrumentVersions.LatestPublished(instrument.Id).Select(v => v.Id).FirstAsync(ct);
        var definition = await InstrumentCatalog.LoadAsync(db, versionId, ct);
        var index = await OrganisationIndex.LoadAsync(db, ct);

        var query = db.Responses.AsNoTracking().Where(r => r.InstrumentId == instrument.Id && r.QualityFlags == ResponseQuality.None);
        if (request.From is { } from) { var f = new DateTime(from.Year, from.Month, 1, 0, 0, 0, DateTimeKind.Utc); query = query.Where(r => r.SubmittedHour >= f); }
        if (request.To is { } to) { var t = new DateTime(to.Year, to.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1); query = query.Where(r => r.SubmittedHour < t); }
        foreach (var (dimension, value) in request.Where)
        {
            query = dimension switch
            {
                Dimension.JobCentre => query.Where(r => r.JobCentreId == index.IdOf(index.JobCentres, value, "Results.Error.UnknownJobCentre")),
                Dimension.Site => query.Where(r => r.SiteId == index.IdOf(index.Sites, value, "Results.Error.UnknownSite")),
                Dimension.TargetGroup => query.Where(r => r.TargetGroupId == index.TargetGroupId(value)),
                _ => throw new ResultsException("Results.Error.RespondentExportFilters", ResultsRequest.Name(dimension)),
            };
        }
        var combinations = await query.GroupBy(r => new { r.JobCentreId, r.SiteId, r.UnitId, r.TargetGroupId })
            .Select(g => new { g.Key.JobCentreId, g.Key.SiteId, g.Key.UnitId, g.Key.TargetGroupId, Count = g.Count() })
            .ToListAsync(ct);
        var small = combinations.Where(c => c.Count < k).Select(c => (c.JobCentreId, c.SiteId, c.UnitId, c.TargetGroupId)).ToHashSet();

        var header = new List<string> { "row", "month", "jobcentre", "site", "unit", "target_group", "channel", "meeting_type", "language" };
        header.AddRange(definition.Questions.Select(q => q.Key));
        return new Rows(header, combinations.Sum(c => c.Count), ValuesAsync(db, query, definition, index, small, ct));
    }

    private static async IAsyncEnumerable<IReadOnlyList<string?>> ValuesAsync(BorgerpulsDb db, IQueryable<Response> query, InstrumentDefinition definition,
        OrganisationIndex index, HashSet<(int, int?, int?, int?)> small, [EnumeratorCancellation] CancellationToken ct)
    {
        // Whole hours at a time, about a batch of rows each: only the hours' counts and one batch are held, never the list of
        // every row's id (at 10 M rows that list alone was 160 MB). Within an hour by the random id: the stored order (an
        // index scan's row ids) would number the rows in the order the citizens answered.
        var hours = await query.GroupBy(r => r.SubmittedHour).Select(g => new { Hour = g.Key, Count = g.Count() }).OrderBy(h => h.Hour).ToListAsync(ct);
        var number = 0;
        foreach (var (first, last) in Batches(hours.Select(h => (h.Hour, h.Count))))
        {
            var batch = await query.Where(r => r.SubmittedHour >= first && r.SubmittedHour <= last)
                .OrderBy(r => r.SubmittedHour).ThenBy(r => r.Id).ToListAsync(ct);
            var ids = batch.Select(r => r.Id).ToList();
            var comments = (await db.Comments.AsNoTracking().Where(c => ids.Contains(c.ResponseId) && !c.Hidden).ToListAsync(ct))
                .ToLookup(c => (c.ResponseId, c.QuestionKey), c => c.Text);
            foreach (var r in batch)
            {
                var coarse = small.Contains((r.JobCentreId, r.SiteId, r.UnitId, r.TargetGroupId));
                var row = new List<string?>
                {
                    (++number).ToString(CultureInfo.InvariantCulture), r.SubmittedHour.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    index.JobCentres.GetValueOrDefault(r.JobCentreId).Key, r.SiteId is { } s ? index.Sites.GetValueOrDefault(s).Key : "",
                    coarse ? Coarsened : r.UnitId is { } u ? index.Units.GetValueOrDefault(u).Key : "",
                    coarse ? Coarsened : r.TargetGroupId is { } tg ? index.TargetGroups.GetValueOrDefault(tg).Key : "",
                    r.Channel.ToString().ToLowerInvariant(), r.MeetingType, r.Language,
                };
                row.AddRange(definition.Questions.Select(q => q.Type == QuestionType.FreeText
                    ? string.Join(" | ", comments[(r.Id, q.Key)])
                    : r.Answers.TryGetValue(q.Key, out var codes) ? string.Join(",", codes) : ""));
                yield return row;
            }
        }
    }

    /// <summary>The first and last hour of each run of consecutive hours that together hold at least <see cref="Batch"/> rows
    /// (the last run: what is left); an hour is never split, so a batch is exactly the rows of its hours.</summary>
    private static IEnumerable<(DateTime First, DateTime Last)> Batches(IEnumerable<(DateTime Hour, int Count)> hours)
    {
        DateTime? first = null;
        var last = default(DateTime);
        var rows = 0;
        foreach (var (hour, count) in hours)
        {
            first ??= hour;
            last = hour;
            rows += count;
            if (rows >= Batch)
            {
                yield return (first.Value, last);
                (first, rows) = (null, 0);
            }
        }
        if (first is { } start) yield return (start, last);
    }
}
