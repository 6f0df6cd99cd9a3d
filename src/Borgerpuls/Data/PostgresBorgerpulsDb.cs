using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Data;

public sealed class PostgresBorgerpulsDb(DbContextOptions<PostgresBorgerpulsDb> options) : BorgerpulsDb(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
