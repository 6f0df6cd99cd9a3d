using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Security;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Configuration;

public enum ApplyMode
{
    /// <summary>Create what is missing and update what differs.</summary>
    Upsert,

    /// <summary>Create only what is missing; used for the shipped presets so that a municipality's own edits survive.</summary>
    OnlyMissing,
}

/// <summary>What applying a document changed, one line per created or changed item.</summary>
public sealed record ApplyResult(IReadOnlyList<Localization.Wording> Changes);

/// <summary>Upserts a configuration document in one transaction: either everything is applied or nothing is.</summary>
public static class ConfigApplier
{
    public static async Task<ApplyResult> ApplyAsync(BorgerpulsDb db, ConfigDocument doc, ApplyMode mode = ApplyMode.Upsert, CancellationToken ct = default)
    {
        var errors = await ConfigValidator.ValidateAsync(doc, db, ct);
        if (errors.Count > 0)
        {
            throw new ConfigException(errors);
        }
        var changes = new List<Localization.Wording>();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            changes.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var run = new ApplyRun(db, mode, changes);
            await run.TaxonomyAsync(doc, ct);
            await run.ScalesAsync(doc, ct);
            await run.InstrumentsAsync(doc, ct);
            await run.OrganisationAsync(doc, ct);
            await run.CampaignsAndTargetsAsync(doc, ct);
            if (run.Errors.Count > 0)
            {
                throw new ConfigException(run.Errors);
            }
            if (changes.Count > 0)
            {
                db.AuditEntries.Add(new AuditEntry { At = DateTime.UtcNow, Actor = "config", Action = mode == ApplyMode.OnlyMissing ? AuditActions.PresetsApply : AuditActions.ConfigApply, Details = string.Join("\n", changes) });
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
        db.ChangeTracker.Clear();
        return new ApplyResult(changes);
    }
}
