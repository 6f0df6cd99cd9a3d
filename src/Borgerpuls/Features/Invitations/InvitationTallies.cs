using Borgerpuls.Data;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Invitations;

/// <summary>The audit of invitation creation: one counter per person, day, job centre and questionnaire
/// (<see cref="Domain.InvitationTally"/>), raised in one statement so that simultaneous creations by the same person add up
/// instead of colliding.</summary>
internal static class InvitationTallies
{
    public static Task CountAsync(BorgerpulsDb db, DateOnly day, string actor, int jobCentreId, int instrumentId, CancellationToken ct) =>
        db.Provider == DatabaseProvider.Sqlite
            // A new counter gets a random rowid (see ScatterAsync): the file then does not show whose counter came first.
            ? db.Database.ExecuteSqlAsync($"""
                INSERT INTO "InvitationTallies" (rowid,"Day","Actor","JobCentreId","InstrumentId","Count") VALUES (random(),{day},{actor},{jobCentreId},{instrumentId},1)
                ON CONFLICT ("Day","Actor","JobCentreId","InstrumentId") DO UPDATE SET "Count" = "InvitationTallies"."Count" + 1
                """, ct)
            : db.Database.ExecuteSqlAsync($"""
                INSERT INTO "InvitationTallies" ("Day","Actor","JobCentreId","InstrumentId","Count") VALUES ({day},{actor},{jobCentreId},{instrumentId},1)
                ON CONFLICT ("Day","Actor","JobCentreId","InstrumentId") DO UPDATE SET "Count" = "InvitationTallies"."Count" + 1
                """, ct);

    /// <summary>SQLite keeps a table's rows in the order of a hidden rowid that grows with every insert, so a copy of the
    /// database file would show the order invitations were created in; moving the new row to a random rowid removes that
    /// order. PostgreSQL's heap has no such handle: there the physical order remains (docs/privacy.md, "Threat model").</summary>
    public static Task ScatterAsync(BorgerpulsDb db, Guid invitationId, CancellationToken ct) =>
        db.Provider == DatabaseProvider.Sqlite
            ? db.Database.ExecuteSqlAsync($"""UPDATE "Invitations" SET rowid = random() WHERE "Id" = {invitationId}""", ct)
            : Task.CompletedTask;
}
