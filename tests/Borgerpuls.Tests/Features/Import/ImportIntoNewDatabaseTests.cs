using System.Text;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Import;

/// <summary>An import into a brand-new database creates the municipality, and a file without a job-centre column (another
/// tool's export of one job centre's survey) takes one with <c>--set</c>.</summary>
public sealed class ImportIntoNewDatabaseTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private string _dir = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _dir = Directory.CreateTempSubdirectory("borgerpuls-import-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private string Write(string text)
    {
        var path = Path.Combine(_dir, "export.csv");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private const string WithoutCentre = """
        respondent_id;submitted_at;samtale;behandling
        r1;2026-03-14;5;4
        r2;2026-03-15;2;3
        """;

    [Fact]
    public async Task A_file_without_a_job_centre_column_imports_into_a_new_database_with_set_and_creates_the_municipality()
    {
        var path = Write(WithoutCentre);

        var first = await CliRunner.RunAsync("--culture", "en", "--db", _database.Value, "import", path, "--instrument", "vive-7", "--set", "jobcenter=Jobcenter Nord");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("2 imported", first.Output);
        Assert.Contains("Created municipality kommunen \"Kommunen\"", first.Output);
        Assert.Contains("Created job centre jobcenter-nord \"Jobcenter Nord\"", first.Output);
        await using (var db = _database.Open())
        {
            var centre = await db.JobCentres.Include(j => j.Municipality).SingleAsync();
            Assert.Equal("Kommunen", centre.Municipality!.Name);
            Assert.Equal(2, await db.Responses.CountAsync(r => r.JobCentreId == centre.Id));
        }

        // The same export again, the centre now named by its key: nothing twice, nothing created.
        var again = await CliRunner.RunAsync("--culture", "en", "import", path, "--instrument", "vive-7", "--set", "jobcenter=jobcenter-nord", "--db", _database.Value);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("0 imported, 2 skipped", again.Output);
        Assert.DoesNotContain("Created", again.Output);
    }

    [Fact]
    public async Task The_municipality_can_be_named()
    {
        var result = await CliRunner.RunAsync("--culture", "en", "import", Write(WithoutCentre), "--instrument", "vive-7", "--set", "jobcenter=Jobcenter Syd",
            "--municipality", "Aabæk Kommune", "--db", _database.Value);

        Assert.True(result.ExitCode == 0, result.Error);
        await using var db = _database.Open();
        var municipality = await db.Municipalities.SingleAsync();
        Assert.Equal(("aabaek-kommune", "Aabæk Kommune"), (municipality.Key, municipality.Name));
    }

    [Theory]
    [InlineData("A jobcenter column is required.")]
    [InlineData("--set", "jobcenter:jc-nord", "write COLUMN=VALUE")]
    [InlineData("--set", "respondent_id=x", "not a background column")]
    [InlineData("--set", "farve=blå", "not a background column")]
    [InlineData("--set", "jobcenter=", "the value is empty")]
    [InlineData("--set", "jobcenter=a", "--set", "jobcentre=b", "the file already has the column '--set jobcenter'")]
    public async Task A_wrong_set_is_refused_with_a_specific_message_and_nothing_is_written(params string[] argsAndMessage)
    {
        var extra = argsAndMessage[..^1];
        var result = await CliRunner.RunAsync(["--culture", "en", "import", Write(WithoutCentre), "--instrument", "vive-7", "--db", _database.Value, .. extra]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(argsAndMessage[^1], result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        await using var db = _database.Open();
        Assert.Equal(0, await db.Responses.CountAsync());
        Assert.Equal(0, await db.JobCentres.CountAsync());
    }

    [Fact]
    public async Task A_set_for_a_column_the_file_has_is_refused()
    {
        var path = Write("""
            respondent_id;jobcenter;samtale
            r1;jc-nord;5
            """);

        var result = await CliRunner.RunAsync("--culture", "en", "import", path, "--instrument", "vive-7", "--set", "jobcentre=jc-syd", "--db", _database.Value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("the file already has the column 'jobcenter'", result.Error);
    }

    [Fact]
    public async Task With_several_municipalities_and_none_named_the_import_asks_for_one()
    {
        var config = Path.Combine(_dir, "org.json");
        File.WriteAllText(config, """
            { "municipalities": [ { "key": "a", "name": "A Kommune" }, { "key": "b", "name": "B Kommune" } ] }
            """);
        var applied = await CliRunner.RunAsync("--culture", "en", "config", "apply", config, "--db", _database.Value);
        Assert.True(applied.ExitCode == 0, applied.Output + applied.Error);

        var refused = await CliRunner.RunAsync("--culture", "en", "import", Write(WithoutCentre), "--instrument", "vive-7", "--set", "jobcenter=Jobcenter Nord", "--db", _database.Value);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("name one (--municipality)", refused.Error);

        var named = await CliRunner.RunAsync("--culture", "en", "import", Write(WithoutCentre), "--instrument", "vive-7", "--set", "jobcenter=Jobcenter Nord", "--municipality", "b", "--db", _database.Value);
        Assert.True(named.ExitCode == 0, named.Error);
        await using var db = _database.Open();
        Assert.Equal("b", (await db.JobCentres.Include(j => j.Municipality).SingleAsync()).Municipality!.Key);
    }
}
