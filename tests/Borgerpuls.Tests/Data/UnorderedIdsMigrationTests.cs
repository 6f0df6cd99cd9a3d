using Borgerpuls.Domain;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Borgerpuls.Tests.Data;

/// <summary>The migration that replaces ordered ids (issue #13) on a database that already holds invitations and comments:
/// taken back, the invitations are counters again and comments have no public id; applied, every stored row gets its own
/// random id and nothing else changes.</summary>
public sealed class UnorderedIdsMigrationTests
{
    [Fact]
    public async Task Existing_invitations_and_comments_get_random_ids_when_the_migration_is_applied()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        await Responses.WriteAsync(database, Enumerable.Range(1, 6).Select(i =>
            new Responses.Spec("borgeroplevelse-5", new() { ["hoert"] = "4" }) { Comment = $"Lang ventetid nummer {i}" }));
        var hashes = Enumerable.Range(1, 8).Select(i => SecretKeys.Hash(SecretKeys.New())).ToList();
        await using (var db = database.Open())
        {
            var instrument = await db.Instruments.Where(i => i.Key == "borgeroplevelse-5").Select(i => i.Id).SingleAsync();
            var centre = await db.JobCentres.Where(j => j.Key == "jc-nord").Select(j => j.Id).SingleAsync();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            foreach (var hash in hashes)
            {
                db.Invitations.Add(new Invitation { TokenHash = hash, InstrumentId = instrument, JobCentreId = centre, MeetingDate = today, ExpiresOn = today.AddDays(14), Used = hash == hashes[0] });
                await db.SaveChangesAsync();
            }
        }

        await using (var db = database.Open())
        {
            var migrator = db.GetService<IMigrator>();
            var names = db.Database.GetMigrations().ToList();
            var previous = names[names.FindIndex(m => m.EndsWith("_UnorderedIds", StringComparison.Ordinal)) - 1];
            await migrator.MigrateAsync(previous);
            var counters = await db.Database.SqlQuery<int>($"""SELECT "Id" AS "Value" FROM "Invitations" """).ToListAsync();
            Assert.Equal(Enumerable.Range(1, 8), counters.Order());
            await migrator.MigrateAsync();
        }

        await using var check = database.Open();
        var invitations = await check.Invitations.AsNoTracking().ToListAsync();
        Assert.Equal(hashes.Order(StringComparer.Ordinal), invitations.Select(i => i.TokenHash).Order(StringComparer.Ordinal));
        Assert.All(invitations, i => Assert.Equal(4, i.Id.Version));
        Assert.Equal(8, invitations.Select(i => i.Id).Distinct().Count());
        Assert.Equal(hashes[0], invitations.Single(i => i.Used).TokenHash);
        var comments = await check.Comments.AsNoTracking().ToListAsync();
        Assert.Equal(6, comments.Count);
        Assert.All(comments, c => Assert.Equal(4, c.PublicId.Version));
        Assert.Equal(6, comments.Select(c => c.PublicId).Distinct().Count());
        // The application reads and writes the migrated rows as its own.
        Assert.True(await check.Invitations.AnyAsync(i => i.Id == invitations[0].Id));
        Assert.True(await check.Comments.AnyAsync(c => c.PublicId == comments[0].PublicId));
    }
}
