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
        var databases = scope.ServiceProvider.GetRequiredService<BorgerpulsDbFactory>();
        var target = databases.Target;
        // Said at every start: which database this is (no password), so nobody wonders where the figures come from.
        logger.LogInformation("Database: {Provider} {Database}", target.Provider, target.Display);
        await Migrator.MigrateAsync(db);

        // Stored themes follow the configured lexicon: after an upgrade or a change of the Themes section they are derived
        // again before serving, so counts and quotes never mix two lexicons.
        if (await Data.Aggregates.StoredThemeLexicon.ApplyAsync(databases, scope.ServiceProvider.GetRequiredService<Analysis.Themes.ThemeLexicon>(), CancellationToken.None) is { } changed)
        {
            logger.LogInformation("Theme lexicon changed: comment themes derived again ({Changed} comments changed)", changed);
        }

        // An import that died between its batches and its final aggregate write left a marker: rebuild before serving.
        var interrupted = await Data.Aggregates.AggregateDeferrals.RepairAsync(databases, CancellationToken.None);
        if (interrupted.Count > 0)
        {
            logger.LogWarning("Aggregates rebuilt after {Count} interrupted load(s): {Loads}", interrupted.Count, string.Join("; ", interrupted));
        }

        var seedDemo = configuration.GetValue("DemoData:SeedOnFirstStart", true);
        if (seedDemo && db.Provider == DatabaseProvider.Sqlite && !await db.Municipalities.AnyAsync())
        {
            logger.LogInformation("Empty database: generating {Responses} demo responses", FirstStartDemoResponses);
            await DemoDataGenerator.RunAsync(databases, new DemoDataOptions(FirstStartDemoResponses), CancellationToken.None);
        }
    }
}
