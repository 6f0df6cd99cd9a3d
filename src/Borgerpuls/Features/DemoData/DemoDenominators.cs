using Borgerpuls.Data;
using Borgerpuls.Data.Aggregates;
using Borgerpuls.Domain;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.DemoData;

/// <summary>The demo's denominators, so that its response rates look like a job centre's rather than 100 %: citizens who
/// declined the tablet (more often in the vulnerable groups) and the paper forms handed out per context and month, of which
/// about half come back. Deterministic for the generator's seed.</summary>
internal sealed class DemoDenominators(Random random, IReadOnlySet<int> vulnerableGroups)
{
    private readonly Dictionary<(int Instrument, Place Place, DateOnly Month), int> _paper = [];

    /// <summary>Declines to store with a batch of responses: after a tablet answer, another citizen in the same context and
    /// hour may have said no.</summary>
    private List<DeclinedHandOver> Declines(IEnumerable<Answer> batch)
    {
        var declines = new List<DeclinedHandOver>();
        foreach (var r in batch)
        {
            if (r.Channel == Channel.Paper)
            {
                var key = (r.InstrumentId, r.Place, new DateOnly(r.SubmittedHour.Year, r.SubmittedHour.Month, 1));
                _paper[key] = _paper.GetValueOrDefault(key) + 1;
            }
            if (r.Channel != Channel.Tablet) continue;
            var chance = r.Place.TargetGroupId is { } group && vulnerableGroups.Contains(group) ? 0.55 : 0.3;
            if (random.NextDouble() >= chance) continue;
            declines.Add(new DeclinedHandOver
            {
                Id = Guid.NewGuid(), InstrumentId = r.InstrumentId, Channel = Channel.Tablet, Hour = r.SubmittedHour, MeetingType = r.MeetingType,
            }.PlaceFrom(r.Place));
        }
        return declines;
    }

    /// <summary>Forms handed out per context and month: the answers that came back divided by a return of 40–60 %.</summary>
    private List<PaperDistribution> HandedOut(DateTime recordedAt) => _paper.Select(p => new PaperDistribution
    {
        InstrumentId = p.Key.Instrument, Month = p.Key.Month, Count = (int)Math.Ceiling(p.Value / (0.4 + 0.2 * random.NextDouble())),
        RecordedAt = recordedAt,
    }.PlaceFrom(p.Key.Place)).ToList();

    /// <summary>What a decline or a paper form copies from an answer.</summary>
    private sealed record Answer(int InstrumentId, Channel Channel, DateTime SubmittedHour, Place Place, string? MeetingType);

    /// <summary>Reads the stored tablet and paper answers in a stream and writes their declines batch by batch, then the
    /// paper forms handed out: memory stays at one batch however many responses there are.</summary>
    public async Task WriteAsync(BorgerpulsDbFactory databases, DateTime recordedAt, int batchSize, CancellationToken ct)
    {
        await using var reader = databases.Create();
        var answers = reader.Responses.AsNoTracking().Where(r => r.Channel == Channel.Tablet || r.Channel == Channel.Paper)
            .Select(r => new Answer(r.InstrumentId, r.Channel, r.SubmittedHour, new Place(r.JobCentreId, r.SiteId, r.UnitId, r.TargetGroupId),
                r.MeetingType))
            .AsAsyncEnumerable();
        var batch = new List<Answer>(batchSize);
        await foreach (var answer in answers.WithCancellation(ct))
        {
            batch.Add(answer);
            if (batch.Count < batchSize) continue;
            await SaveAsync(databases, Declines(batch), [], ct);
            batch.Clear();
        }
        await SaveAsync(databases, Declines(batch), HandedOut(recordedAt), ct);
    }

    private static async Task SaveAsync(BorgerpulsDbFactory databases, IReadOnlyList<DeclinedHandOver> declines, IReadOnlyList<PaperDistribution> paper, CancellationToken ct)
    {
        if (declines.Count == 0 && paper.Count == 0) return;
        await using var db = databases.Create();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var delta = new DenominatorDelta();
        db.DeclinedHandOvers.AddRange(declines);
        db.PaperDistributions.AddRange(paper);
        foreach (var d in declines) delta.Declined(d);
        foreach (var p in paper) delta.HandedOut(p);
        await DenominatorTransaction.SaveChangesAsync(db, null, delta, ct);
    }
}
