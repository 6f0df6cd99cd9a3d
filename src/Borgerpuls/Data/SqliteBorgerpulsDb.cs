using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Data;

public sealed class SqliteBorgerpulsDb(DbContextOptions<SqliteBorgerpulsDb> options) : BorgerpulsDb(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}
