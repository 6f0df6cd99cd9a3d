using Borgerpuls.Data;
using Borgerpuls.Features.Configuration;
using Borgerpuls.Features.DemoData;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls;

/// <summary>What the web app does to its database before serving: migrate, seed the presets, and on a brand-new embedded
/// database a modest demo set, so the first README command leads straight into a working app.</summary>
internal static class DatabaseStartup
{
    public const int FirstStartDemoResponses = 5_000;

    public static async Task InitialiseAsync(IServiceProvider services, IConfiguration configuration, ILogger logger)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BorgerpulsDb>();
        await Migrator.MigrateAsync(db);

        // An import that died between its batches and its final aggregate write left a marker: rebuild before serving.
        var interrupted = await Data.Aggregates.AggregateDeferrals.RepairAsync(scope.ServiceProvider.GetRequiredService<DatabaseSetup.Target>(), CancellationToken.None);
        if (interrupted.Count > 0)
        {
            logger.LogWarning("Aggregates rebuilt after {Count} interrupted load(s): {Loads}", interrupted.Count, string.Join("; ", interrupted));
        }

        var seedDemo = configuration.GetValue("DemoData:SeedOnFirstStart", true);
        if (seedDemo && db.Provider == DatabaseProvider.Sqlite && !await db.Municipalities.AnyAsync())
        {
            var target = scope.ServiceProvider.GetRequiredService<DatabaseSetup.Target>();
            logger.LogInformation("Empty database: generating {Responses} demo responses", FirstStartDemoResponses);
            await DemoDataGenerator.RunAsync(target, new DemoDataOptions(FirstStartDemoResponses), CancellationToken.None);
        }
    }
}
