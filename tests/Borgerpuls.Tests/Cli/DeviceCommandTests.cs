using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Cli;

public sealed class DeviceCommandTests
{
    [Fact]
    public async Task Device_add_prints_a_key_once_and_stores_only_its_hash_and_revoke_marks_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();

        var add = await CliRunner.RunAsync("--culture", "en", "device", "add", "--site", "sjaellandsgade", "--instrument", "smiley", "--name", "Udgang", "--db", database.Value);

        Assert.True(add.ExitCode == 0, add.Error);
        var key = add.Output.Trim().Split('\n')[^1].Trim();
        Assert.True(key.Length >= 40, add.Output);
        await using (var db = database.Open())
        {
            var device = await db.Devices.SingleAsync();
            Assert.Equal(SecretKeys.Hash(key), device.KeyHash);
            Assert.NotEqual(key, device.KeyHash);
            Assert.Null(device.RevokedAt);
        }

        // A new key (the global --db before the verb, as the README writes it): the old hash is gone, the new key is printed once.
        var rotate = await CliRunner.RunAsync("--culture", "en", "--db", database.Value, "device", "rotate-key", "1");
        Assert.True(rotate.ExitCode == 0, rotate.Error);
        var newKey = rotate.Output.Trim().Split('\n')[^1].Trim();
        Assert.NotEqual(key, newKey);
        await using (var db = database.Open())
        {
            Assert.Equal(SecretKeys.Hash(newKey), (await db.Devices.SingleAsync()).KeyHash);
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "device.rotate-key"));
        }
        var unknown = await CliRunner.RunAsync("--culture", "en", "device", "rotate-key", "99", "--db", database.Value);
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("Unknown device 99.", unknown.Error);

        var revoke = await CliRunner.RunAsync("--culture", "en", "device", "revoke", "1", "--db", database.Value);
        Assert.True(revoke.ExitCode == 0, revoke.Error);
        await using (var db = database.Open())
        {
            Assert.NotNull((await db.Devices.SingleAsync()).RevokedAt);
        }
        var again = await CliRunner.RunAsync("--culture", "en", "device", "revoke", "1", "--db", database.Value);
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("already revoked", again.Error);
        var revokedRotate = await CliRunner.RunAsync("--culture", "en", "device", "rotate-key", "1", "--db", database.Value);
        Assert.NotEqual(0, revokedRotate.ExitCode);
        Assert.Contains("“Udgang” is revoked", revokedRotate.Error);
    }

    [Fact]
    public async Task Device_add_names_every_problem_and_writes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        var add = await CliRunner.RunAsync("--culture", "en", "device", "add", "--site", "nowhere", "--instrument", "findes-ikke", "--name", " ", "--db", database.Value);
        Assert.NotEqual(0, add.ExitCode);
        Assert.Contains("Give the device a name (at most 100 characters).", add.Error);
        Assert.Contains("Unknown site: nowhere", add.Error);
        Assert.Contains("Unknown questionnaire: findes-ikke", add.Error);

        // A team at another address of the same centre.
        var team = await CliRunner.RunAsync("--culture", "en", "device", "add", "--site", "torvet", "--unit", "ung-team", "--instrument", "smiley", "--name", "X", "--db", database.Value);
        Assert.NotEqual(0, team.ExitCode);
        Assert.Contains("Unit ung-team does not belong to site torvet.", team.Error);

        // A retired address or team (ADR 0015) takes no new device.
        await using var db = database.Open();
        (await db.Sites.SingleAsync(s => s.Key == "torvet")).RetiredAt = DateTime.UtcNow;
        (await db.Units.SingleAsync(u => u.Key == "jobparat-team")).RetiredAt = DateTime.UtcNow;
        await db.SaveChangesAsync();
        var retired = await CliRunner.RunAsync("--culture", "en", "device", "add", "--site", "torvet", "--instrument", "smiley", "--name", "Y", "--db", database.Value);
        Assert.NotEqual(0, retired.ExitCode);
        Assert.Contains("The site 'Torvet' is retired; choose a site in use.", retired.Error);
        var retiredTeam = await CliRunner.RunAsync("--culture", "en", "device", "add", "--site", "sjaellandsgade", "--unit", "jobparat-team", "--instrument", "smiley", "--name", "Z", "--db", database.Value);
        Assert.Contains("The team 'Team Jobparat' is retired; choose a team in use.", retiredTeam.Error);
        Assert.Equal(0, await db.Devices.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == "device.add"));
    }
}
