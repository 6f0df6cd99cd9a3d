using System.Data.Common;
using System.Globalization;

namespace Borgerpuls.Data.Aggregates;

/// <summary>Adds a denominator delta inside the caller's transaction (the same SQL on SQLite and PostgreSQL) and bumps the
/// denominators' own generation counter, so that a denominator write never makes readers reload the response aggregates.</summary>
internal static class DenominatorWriter
{
    /// <summary>The <see cref="AggregateState"/> row that counts denominator writes; row 1 counts the response aggregates'.</summary>
    public const int StateId = 2;

    private const string KeyColumns = "\"InstrumentId\",\"Month\",\"JobCentreId\",\"SiteId\",\"UnitId\",\"TargetGroupId\",\"Channel\",\"Referral\"";

    public static async Task<long> WriteAsync(DbConnection connection, DbTransaction transaction, DenominatorDelta delta, CancellationToken ct)
    {
        await using var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = $"""
            INSERT INTO "DenominatorCells" ({KeyColumns},"Offered","Declined","Used") VALUES (@instrument,@month,@centre,@site,@unit,@group,@channel,@referral,@offered,@declined,@used)
            ON CONFLICT ({KeyColumns}) DO UPDATE SET "Offered" = "DenominatorCells"."Offered" + excluded."Offered",
              "Declined" = "DenominatorCells"."Declined" + excluded."Declined", "Used" = "DenominatorCells"."Used" + excluded."Used"
            """;
        var p = new Dictionary<string, DbParameter>();
        foreach (var name in new[] { "instrument", "month", "centre", "site", "unit", "group", "channel", "referral", "offered", "declined", "used" })
        {
            p[name] = upsert.CreateParameter();
            p[name].ParameterName = "@" + name;
            upsert.Parameters.Add(p[name]);
        }
        foreach (var (key, counts) in delta.Cells)
        {
            p["instrument"].Value = key.InstrumentId;
            p["month"].Value = key.Month;
            p["centre"].Value = key.JobCentreId;
            p["site"].Value = key.SiteId;
            p["unit"].Value = key.UnitId;
            p["group"].Value = key.TargetGroupId;
            p["channel"].Value = key.Channel;
            p["referral"].Value = key.Referral;
            p["offered"].Value = counts.Offered;
            p["declined"].Value = counts.Declined;
            p["used"].Value = counts.Used;
            await upsert.ExecuteNonQueryAsync(ct);
        }
        await using var bump = connection.CreateCommand();
        bump.Transaction = transaction;
        bump.CommandText = $"""UPDATE "AggregateState" SET "Generation" = "Generation" + 1 WHERE "Id" = {StateId} RETURNING "Generation" """;
        return Convert.ToInt64(await bump.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }
}
