using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Borgerpuls.Data.Aggregates;

/// <summary>Saves the context's pending rows (invitations, declined hand-overs, paper forms handed out) and the denominators
/// they add in one transaction: either both are stored or neither. Without <paramref name="stores"/> nobody is told; whoever
/// holds a store catches up from the generation counter the commit bumped.</summary>
internal static class DenominatorTransaction
{
    /// <param name="alsoWrite">Further statements that belong with the rows, run in the same transaction.</param>
    public static async Task SaveChangesAsync(BorgerpulsDb db, AggregateStores? stores, DenominatorDelta delta, CancellationToken ct,
        Func<CancellationToken, Task>? alsoWrite = null)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await MaintenanceLock.SharedAsync(db.Database.GetDbConnection(), tx.GetDbTransaction(), ct);
        await db.SaveChangesAsync(ct);
        if (alsoWrite is not null) await alsoWrite(ct);
        var generation = await DenominatorWriter.WriteAsync(db.Database.GetDbConnection(), tx.GetDbTransaction(), delta, ct);
        await tx.CommitAsync(ct);
        stores?.Denominators.Committed(delta, generation);
    }
}
