using System.Data.Common;

namespace Borgerpuls.Data.Aggregates;

/// <summary>Adds a delta to the aggregate tables inside the caller's transaction, with the same SQL on SQLite and
/// PostgreSQL (INSERT … ON CONFLICT DO UPDATE), and bumps the generation counter. Returns the new generation.
/// <para>The counter is bumped first: its row lock orders the writers of every process, so generations commit in their
/// order and every changed cell carries its commit's generation.</para></summary>
internal static class AggregateWriter
{
    private static readonly string CellColumns = string.Join(",", CellKey.Columns.Select(c => $"\"{c}\""));
    private static readonly string CellParameters = string.Join(",", CellKey.Columns.Select(c => "@" + c));

    public static async Task<long> WriteAsync(DbConnection connection, DbTransaction transaction, AggregateDelta delta, CancellationToken ct)
    {
        await using var bump = Command(connection, transaction, """UPDATE "AggregateState" SET "Generation" = "Generation" + 1 WHERE "Id" = 1 RETURNING "Generation" """);
        var generation = Convert.ToInt64(await bump.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        await using var cell = Command(connection, transaction, $"""
            INSERT INTO "AggregateCells" ({CellColumns},"Respondents","Generation") VALUES ({CellParameters},@n,@generation)
            ON CONFLICT ({CellColumns}) DO UPDATE SET "Respondents" = "AggregateCells"."Respondents" + excluded."Respondents",
              "Generation" = excluded."Generation"
            RETURNING "Id"
            """, [.. CellKey.Columns, "n", "generation"]);
        Set(cell, "generation", generation);
        await using var option = Command(connection, transaction, """
            INSERT INTO "AggregateOptions" ("CellId","QuestionKey","OptionCode","Count") VALUES (@cell,@question,@option,@n)
            ON CONFLICT ("CellId","QuestionKey","OptionCode") DO UPDATE SET "Count" = "AggregateOptions"."Count" + excluded."Count"
            """, "cell", "question", "option", "n");
        await using var pair = Command(connection, transaction, """
            INSERT INTO "AggregatePairs" ("CellId","QuestionKey","N","SumX","SumY","SumXX","SumYY","SumXY") VALUES (@cell,@question,@n,@sx,@sy,@sxx,@syy,@sxy)
            ON CONFLICT ("CellId","QuestionKey") DO UPDATE SET "N" = "AggregatePairs"."N" + excluded."N", "SumX" = "AggregatePairs"."SumX" + excluded."SumX",
              "SumY" = "AggregatePairs"."SumY" + excluded."SumY", "SumXX" = "AggregatePairs"."SumXX" + excluded."SumXX",
              "SumYY" = "AggregatePairs"."SumYY" + excluded."SumYY", "SumXY" = "AggregatePairs"."SumXY" + excluded."SumXY"
            """, "cell", "question", "n", "sx", "sy", "sxx", "syy", "sxy");

        foreach (var (key, counts) in delta.Cells)
        {
            var values = key.Values();
            for (var i = 0; i < values.Length; i++) cell.Parameters[i].Value = values[i];
            Set(cell, "n", counts.Respondents);
            var id = Convert.ToInt64(await cell.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            foreach (var ((question, code), n) in counts.Options)
            {
                Set(option, "cell", id, "question", question, "option", code, "n", n);
                await option.ExecuteNonQueryAsync(ct);
            }
            foreach (var (question, s) in counts.Pairs)
            {
                Set(pair, "cell", id, "question", question, "n", s.N, "sx", s.SumX, "sy", s.SumY, "sxx", s.SumXX, "syy", s.SumYY, "sxy", s.SumXY);
                await pair.ExecuteNonQueryAsync(ct);
            }
        }
        await ThemeCellWriter.WriteAsync(connection, transaction, delta.Themes, ct);
        return generation;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@" + name;
            command.Parameters.Add(p);
        }
        return command;
    }

    private static void Set(DbCommand command, params object[] pairs)
    {
        for (var i = 0; i < pairs.Length; i += 2)
        {
            command.Parameters["@" + (string)pairs[i]].Value = pairs[i + 1];
        }
    }
}
