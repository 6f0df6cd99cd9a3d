using System.Text;
using Borgerpuls.Features.Import;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Import;

/// <summary>On SQLite an import writes its batches with synchronous=NORMAL and commits its last transaction with FULL. The
/// relaxed settings belong to that one connection for that one import: the pool hands connections on (to the ingest
/// queue in a server), and an acknowledged response must never ride on a connection that skips the fsync.</summary>
public sealed class ImportDurabilityTests
{
    [Fact]
    public async Task An_import_returns_its_connection_to_the_pool_with_the_durable_settings()
    {
        if (TestDatabase.IsPostgres) return; // PostgreSQL's COPY path changes no session settings
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        var dir = Directory.CreateTempSubdirectory("borgerpuls-durable-").FullName;
        try
        {
            var path = Path.Combine(dir, "vive.csv");
            await File.WriteAllTextAsync(path, "respondent_id;jobcenter;samtale\nd1;jc-nord;5\nd2;jc-syd;4\nd3;jc-nord;1\n", new UTF8Encoding(false));

            var summary = await Importer.RunAsync(database.Factory, path, new ImportOptions("vive-7"), DateTimeOffset.UtcNow, CancellationToken.None);

            Assert.Equal(3, summary.Imported);
            // The pool gives back the connection used last: the import's writer.
            await using var connection = new SqliteConnection(database.Target.ConnectionString);
            await connection.OpenAsync();
            Assert.Equal(2L, Pragma(connection, "synchronous")); // FULL
            Assert.Equal(1000L, Pragma(connection, "wal_autocheckpoint"));
            Assert.Equal(-2000L, Pragma(connection, "cache_size"));
            await using var db = database.Open();
            Assert.Equal(3, await db.Responses.CountAsync());
            Assert.Equal(3, await db.AggregateCells.Where(c => c.Cube == Borgerpuls.Data.Aggregates.Cube.Main).SumAsync(c => c.Respondents));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static long Pragma(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return (long)command.ExecuteScalar()!;
    }
}
