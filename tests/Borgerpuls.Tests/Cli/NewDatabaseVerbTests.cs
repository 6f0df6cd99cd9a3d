using Borgerpuls.Data;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Cli;

/// <summary>The newer verbs on a database that does not exist yet, as a script run on a fresh server would call them.</summary>
public sealed class NewDatabaseVerbTests
{
    [Fact]
    public async Task An_event_log_into_a_brand_new_database_is_refused_by_line_and_stores_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var path = Path.Combine(Path.GetTempPath(), $"events-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "id;type;jobcenter;modtaget;besvaret\nA;henvendelse;jc-nord;2026-06-01 08:00;2026-06-01 09:00\n");
        try
        {
            var run = await CliRunner.RunAsync("service-goals", "import", path, "--db", database.Value);

            // A new database has no job centres yet: the event cannot be placed, and nothing is made up for it.
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("Intet blev importeret: 1 fejl.", run.Error);
            Assert.Contains("linje 2, kolonne \"jobcenter\": \"jc-nord\" er hverken nøglen eller navnet på et jobcenter.", run.Error);
            Assert.DoesNotContain("   at ", run.Error);
        }
        finally
        {
            File.Delete(path);
        }
        await using var db = database.Open();
        Assert.Equal(SchemaCheck.NewestShipped(database.Target.Provider), (await db.Database.GetAppliedMigrationsAsync()).Last());
        Assert.Equal(0, await db.ServiceEvents.CountAsync());
    }

    [Fact]
    public async Task An_alert_run_on_a_brand_new_database_has_nothing_to_raise_and_says_mail_is_not_configured()
    {
        await using var database = await TestDatabase.CreateAsync();

        var run = await CliRunner.RunAsync("--culture", "en", "--db", database.Value, "alerts", "run");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Alerts: 0 raised, 0 cleared, 0 mails sent, 0 mails failed", run.Output);
        Assert.Contains("Mail is not configured", run.Error);
        await using var db = database.Open();
        Assert.Equal(0, await db.Set<Borgerpuls.Domain.AlertRule>().CountAsync());
    }
}
