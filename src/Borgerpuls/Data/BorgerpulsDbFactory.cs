using Borgerpuls.Data.Aggregates;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Data;

/// <summary>The one way to open a context outside a request: singletons, background services and command-line verbs. One
/// per database and host — the web app registers it as a singleton, a verb creates one for its run — so the options (provider,
/// SQLite pragmas, migrations history table, query splitting) are built once, not per context. Request handlers take their
/// scoped <see cref="BorgerpulsDb"/> from DI, configured the same way. It also holds the database's
/// <see cref="ReferenceCatalog"/> and <see cref="AggregateStores"/>, so whoever owns the factory owns the one copy of the
/// reference data and of the aggregates, and a query needs only the request's context and this.</summary>
public sealed class BorgerpulsDbFactory
{
    private readonly Func<BorgerpulsDb> _create;
    // Lazy: most verbs never read figures, and those should not hold the stores.
    private readonly Lazy<AggregateStores> _aggregates;

    public BorgerpulsDbFactory(DatabaseSetup.Target target)
    {
        Target = target;
        if (target.Provider == DatabaseProvider.Postgres)
        {
            var pg = new DbContextOptionsBuilder<PostgresBorgerpulsDb>();
            DatabaseSetup.ConfigurePostgres(pg, target.ConnectionString);
            var options = pg.Options;
            _create = () => new PostgresBorgerpulsDb(options);
        }
        else
        {
            var sqlite = new DbContextOptionsBuilder<SqliteBorgerpulsDb>();
            DatabaseSetup.ConfigureSqlite(sqlite, target.ConnectionString);
            var options = sqlite.Options;
            _create = () => new SqliteBorgerpulsDb(options);
        }
        Catalog = new ReferenceCatalog(this);
        _aggregates = new Lazy<AggregateStores>(() => new AggregateStores(this), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public DatabaseSetup.Target Target { get; }

    /// <summary>The organisation, taxonomy and instruments of this database in memory, read again after <see cref="ReferenceData.MaxAge"/>.</summary>
    public ReferenceCatalog Catalog { get; }

    /// <summary>The aggregates of this database in memory, created at first use; each loads its cells when first read.</summary>
    public AggregateStores Aggregates => _aggregates.Value;

    /// <summary>A new context; the caller disposes it.</summary>
    public BorgerpulsDb Create() => _create();
}
