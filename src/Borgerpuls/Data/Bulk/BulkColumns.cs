using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Borgerpuls.Data.Bulk;

/// <summary>What a bulk writer writes into one table: the table and column names from the EF model, in the order of the
/// writer's values, each with the provider's way of writing it. Built once per provider and table, it refuses a value for a
/// property the model does not map and a mapped column no value is given for (other than a key the database generates), so
/// a property added to the entity and its configuration cannot be left out of the bulk path unnoticed.</summary>
internal sealed class BulkColumns<TValue>
{
    public BulkColumns(IModel model, Type entity, IReadOnlyList<(string Property, TValue Value)> values)
    {
        var type = model.FindEntityType(entity) ?? throw new InvalidOperationException($"{entity.Name} is not in the model.");
        var mapping = type.GetTableMappings().Single();
        var columns = mapping.ColumnMappings.ToDictionary(m => m.Property.Name, m => m.Column.Name, StringComparer.Ordinal);
        var unknown = values.Select(v => v.Property).Where(p => !columns.ContainsKey(p)).ToList();
        var missing = mapping.ColumnMappings.Where(m => !IsGenerated(m.Property)).Select(m => m.Property.Name)
            .Except(values.Select(v => v.Property), StringComparer.Ordinal).ToList();
        if (unknown.Count > 0 || missing.Count > 0)
        {
            throw new InvalidOperationException($"The bulk columns of {mapping.Table.Name} differ from the model: "
                + $"not mapped: {string.Join(", ", unknown)}; not written: {string.Join(", ", missing)}.");
        }
        Table = mapping.Table.Name;
        Columns = [.. values.Select(v => columns[v.Property])];
        Values = [.. values.Select(v => v.Value)];
    }

    public string Table { get; }

    /// <summary>The column names, in the order of <see cref="Values"/>.</summary>
    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<TValue> Values { get; }

    /// <summary>The quoted table name and column list, as both providers' statements need them.</summary>
    public string Target => $"\"{Table}\" ({string.Join(",", Columns.Select(c => $"\"{c}\""))})";

    private static bool IsGenerated(IProperty property) => property.IsPrimaryKey() && property.ValueGenerated != ValueGenerated.Never;
}

/// <summary>The EF model per provider, for the bulk writers' column lists; building a context opens no connection.</summary>
internal static class BulkModel
{
    private static readonly Lazy<IModel> Sqlite = new(() => ModelOf(DatabaseProvider.Sqlite, "Data Source=:memory:"));
    private static readonly Lazy<IModel> Postgres = new(() => ModelOf(DatabaseProvider.Postgres, "Host=localhost"));

    public static IModel For(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? Postgres.Value : Sqlite.Value;

    private static IModel ModelOf(DatabaseProvider provider, string connectionString)
    {
        using var db = new BorgerpulsDbFactory(new DatabaseSetup.Target(provider, connectionString, provider.ToString())).Create();
        return db.Model;
    }
}
