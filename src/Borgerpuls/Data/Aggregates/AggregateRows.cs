using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Borgerpuls.Data.Aggregates;

/// <summary>The option counts and pair sums of a load, read with a data reader instead of as entities. They are most of what a
/// load reads — at 10 M responses a quarter of a million rows for one questionnaire, a million for all — and materialising
/// them as entities took about three microseconds a row, most of a command-line verb's time and seconds of the server's
/// start. Table and column names come from the EF model, so the statement cannot drift from it.</summary>
internal static class AggregateRows
{
    /// <summary>Calls <paramref name="row"/> with the <paramref name="columns"/> of every row of <typeparamref name="TRow"/>
    /// whose cell is of the instruments <paramref name="held"/> (null: all) and, with <paramref name="since"/>, changed after
    /// that generation — inside the caller's transaction.</summary>
    public static async Task ReadAsync<TRow>(BorgerpulsDb db, string[] columns, long? since, HashSet<int>? held, Action<DbDataReader> row, CancellationToken ct)
    {
        var rows = db.Model.FindEntityType(typeof(TRow))!;
        var cells = db.Model.FindEntityType(typeof(AggregateCell))!;
        var filters = new List<string>();
        if (since is not null) filters.Add($"{Column(cells, nameof(AggregateCell.Generation))} > @since");
        if (held is not null)
        {
            filters.Add(held.Count == 0 ? "1 = 0"
                : $"{Column(cells, nameof(AggregateCell.InstrumentId))} IN ({string.Join(",", held.Select(id => id.ToString(CultureInfo.InvariantCulture)))})");
        }
        var where = filters.Count == 0 ? ""
            : $" WHERE {Column(rows, nameof(AggregateOption.CellId))} IN (SELECT {Column(cells, nameof(AggregateCell.Id))} FROM {Table(cells)} WHERE {string.Join(" AND ", filters)})";

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => Column(rows, c)))} FROM {Table(rows)}{where}";
        if (since is { } generation)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@since";
            parameter.Value = generation;
            command.Parameters.Add(parameter);
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                row(reader);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Table(IEntityType type) => $"\"{type.GetTableName()}\"";

    private static string Column(IEntityType type, string property)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        return $"\"{type.FindProperty(property)!.GetColumnName(table)}\"";
    }
}
