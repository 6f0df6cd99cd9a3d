using Borgerpuls.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Borgerpuls.Tests.Data;

/// <summary>The compiled models in Data/Compiled are generated code (ADR 21): these tests fail when the entity
/// configuration changed and they were not regenerated, by comparing them with the model the configuration builds.</summary>
public sealed class CompiledModelTests
{
    [Fact]
    public void The_sqlite_context_runs_on_its_compiled_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.IsType<Borgerpuls.Data.Compiled.Sqlite.SqliteBorgerpulsDbModel>(db.Model);
    }

    [Fact]
    public void The_postgres_context_runs_on_its_compiled_model()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.IsType<Borgerpuls.Data.Compiled.Postgres.PostgresBorgerpulsDbModel>(db.Model);
    }

    [Fact]
    public void The_sqlite_compiled_model_matches_the_configuration()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        AssertSame(db);
    }

    [Fact]
    public void The_postgres_compiled_model_matches_the_configuration()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        AssertSame(db);
    }

    private static void AssertSame(DbContext db)
    {
        var built = db.GetService<IDesignTimeModel>().Model;
        var compiled = db.Model;
        Assert.NotSame(built, compiled);
        // Entities, properties, keys, indexes and navigations; the annotations differ by design (the compiled model holds
        // runtime ones and cannot answer every design-time question), so the columns are compared property by property.
        var expected = built.ToDebugString(MetadataDebugStringOptions.ShortDefault);
        var actual = compiled.ToDebugString(MetadataDebugStringOptions.ShortDefault);
        if (expected != actual)
        {
            var first = expected.Split('\n').Zip(actual.Split('\n')).Select((p, i) => (p, i)).FirstOrDefault(x => x.p.First != x.p.Second);
            Assert.Fail($"The compiled model is out of date: run scripts/compiled-model.sh. First difference at line {first.i + 1}:\n" +
                        $"  configuration: {first.p.First}\n  compiled:      {first.p.Second}");
        }
        Assert.Equal(Columns(built), Columns(compiled));
    }

    // What the short debug string leaves out and the database sees: table, column, store type, conversion, length.
    private static List<string> Columns(IModel model) =>
    [
        .. model.GetEntityTypes().OrderBy(e => e.Name).SelectMany(e => e.GetProperties().Select(p =>
        {
            var mapping = (Microsoft.EntityFrameworkCore.Storage.RelationalTypeMapping?)p.FindTypeMapping();
            return $"{e.Name} {e.GetSchema()}.{e.GetTableName()}.{p.GetColumnName()} {mapping?.StoreType} " +
                   $"{mapping?.Converter?.ProviderClrType.Name} {p.GetMaxLength()} {p.IsNullable} {p.ValueGenerated}";
        })),
    ];
}
