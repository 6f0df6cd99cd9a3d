using System.Data.Common;

namespace Borgerpuls.Data.Aggregates;

/// <summary>Adds theme counts to the theme cells inside the caller's transaction, with the same upsert on both providers.</summary>
internal static class ThemeCellWriter
{
    private const string Columns = "\"InstrumentId\",\"Month\",\"JobCentreId\",\"SiteId\",\"UnitId\",\"TargetGroupId\",\"Channel\",\"Theme\"";

    public static async Task WriteAsync(DbConnection connection, DbTransaction transaction, ThemeCounts counts, CancellationToken ct)
    {
        if (counts.Cells.Count == 0)
        {
            return;
        }
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            INSERT INTO "ThemeCells" ({Columns},"Comments") VALUES (@instrument,@month,@centre,@site,@unit,@group,@channel,@theme,@n)
            ON CONFLICT ({Columns}) DO UPDATE SET "Comments" = "ThemeCells"."Comments" + excluded."Comments"
            """;
        var names = new[] { "instrument", "month", "centre", "site", "unit", "group", "channel", "theme", "n" };
        var p = names.ToDictionary(n => n, n =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + n;
            command.Parameters.Add(parameter);
            return parameter;
        });
        foreach (var (key, n) in counts.Cells)
        {
            if (n == 0)
            {
                continue;
            }
            p["instrument"].Value = key.InstrumentId;
            p["month"].Value = key.Month;
            p["centre"].Value = key.JobCentreId;
            p["site"].Value = key.SiteId;
            p["unit"].Value = key.UnitId;
            p["group"].Value = key.TargetGroupId;
            p["channel"].Value = key.Channel;
            p["theme"].Value = key.Theme;
            p["n"].Value = n;
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
