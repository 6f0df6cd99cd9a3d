using System.Diagnostics;
using Borgerpuls.Data;
using Borgerpuls.Data.Bulk;
using Borgerpuls.Domain;
using Borgerpuls.Features.Configuration;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.DemoData;

public sealed record DemoDataResult(long Responses, long Comments, TimeSpan Elapsed);

/// <summary>Generates a realistic municipality and streams N responses into it in batches, never holding more than one batch,
/// so that it scales to the 10 million responses the benchmarks need. Deterministic for a given seed.</summary>
public static class DemoDataGenerator
{
    public static async Task<DemoDataResult> RunAsync(BorgerpulsDbFactory databases, DemoDataOptions options, CancellationToken ct, Action<long>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var endsOn = options.EndsOn ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var startsOn = endsOn.AddYears(-2);
        DemoModel model;
        IReadOnlySet<int> vulnerable;
        await using (var db = databases.Create())
        {
            await Migrator.MigrateAsync(db, ct);
            await ConfigApplier.ApplyAsync(db, DemoOrganisation.Document(startsOn), ApplyMode.Upsert, ct);
            model = await DemoModel.LoadAsync(db, ct);
            vulnerable = (await db.TargetGroupSets.Where(s => s.Key == "udsatte").SelectMany(s => s.Members.Select(m => m.Id)).ToListAsync(ct)).ToHashSet();
        }

        var random = new Random(options.Seed);
        // Its own random source, so that the responses stay what the same seed always gave.
        var denominators = new DemoDenominators(new Random(options.Seed + 1), vulnerable);
        DemoDataResult result;
        var writer = await ResponseBulkWriter.OpenDeferredAsync(databases, $"demo-data {options.Responses}", ct);
        await using (writer)
        {
            long written = 0, comments = 0;
            var batch = new List<ResponseRow>(options.BatchSize);
            var days = endsOn.DayNumber - startsOn.DayNumber;
            var staff = DemoModel.StaffAnswers(options.Responses);
            var citizens = options.Responses - staff;
            while (written < citizens)
            {
                batch.Clear();
                var size = (int)Math.Min(options.BatchSize, citizens - written);
                for (var i = 0; i < size; i++)
                {
                    var row = model.Next(random, startsOn, days);
                    comments += row.Comments.Count;
                    batch.Add(row);
                }
                await writer.WriteAsync(batch, ct);
                written += size;
                progress?.Invoke(written);
            }
            // Staff's mirror answers after the citizens', from their own random source, so the citizens' stay what the seed gave.
            var staffRandom = new Random(options.Seed + 2);
            batch.Clear();
            for (var i = 0; i < staff; i++)
            {
                if (model.NextStaff(staffRandom, startsOn, days) is { } row) batch.Add(row);
            }
            if (batch.Count > 0)
            {
                await writer.WriteAsync(batch, ct);
                written += batch.Count;
                progress?.Invoke(written);
            }
            await writer.FlushAggregatesAsync(ct);
            result = new DemoDataResult(written, comments, clock.Elapsed);
        }
        // After the load: its writer keeps one transaction open over the batches, which another connection must not wait on.
        await denominators.WriteAsync(databases, endsOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), options.BatchSize, ct);
        return result with { Elapsed = clock.Elapsed };
    }
}
