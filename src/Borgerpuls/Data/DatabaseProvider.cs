namespace Borgerpuls.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
