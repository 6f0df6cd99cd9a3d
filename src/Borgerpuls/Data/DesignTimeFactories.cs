using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Borgerpuls.Data;

// Used only by `dotnet ef migrations add` (scripts/add-migration.sh); the connection strings are never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBorgerpulsDb>
{
    public SqliteBorgerpulsDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteBorgerpulsDb>();
        DatabaseSetup.ConfigureSqlite(options, "Data Source=design.db");
        return new SqliteBorgerpulsDb(options.Options);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresBorgerpulsDb>
{
    public PostgresBorgerpulsDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresBorgerpulsDb>();
        DatabaseSetup.ConfigurePostgres(options, "Host=localhost;Database=design");
        return new PostgresBorgerpulsDb(options.Options);
    }
}
