using Borgerpuls.Features.Configuration;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Data;

/// <summary>Applies the provider's migrations and then the shipped presets (SPEC §4), which are data, not code paths.</summary>
public static class Migrator
{
    public static async Task MigrateAsync(BorgerpulsDb db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        await Presets.EnsureAsync(db, cancellationToken);
    }
}
