using Borgerpuls.Domain;
using Borgerpuls.Tests.Infrastructure;
using MimeKit;

namespace Borgerpuls.Tests.Features.Alerts;

/// <summary><c>borgerpuls alerts run</c>, with the development mail setting: each mail an .eml file in the pickup directory.</summary>
public sealed class AlertsCommandTests
{
    /// <summary>In the current hour 12 kiosk answers at Sjællandsgade, 5 negative: 5 / 12 = 42 pct. above 40 pct.</summary>
    [Fact]
    public async Task A_run_mails_a_raised_alert_once_into_the_pickup_directory_with_db_before_or_after_the_verb()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        var hour = Response.ToHour(DateTimeOffset.UtcNow);
        Responses.Spec Kiosk(string answer) => new("smiley", new() { ["besoeg"] = answer }) { Channel = Channel.Kiosk, Hour = hour };
        await Responses.WriteAsync(database, Responses.Repeat(5, Kiosk("1")).Concat(Responses.Repeat(7, Kiosk("4"))));
        await using (var db = database.Open())
        {
            db.Add(new AlertRule
            {
                Name = "Negative", Kind = AlertKind.NegativeShare, Scope = "site:sjaellandsgade", WindowHours = 2, Level = 0.4, MinimumBase = 10,
                Recipients = ["leder@kommune.dk"], CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        var pickup = Directory.CreateTempSubdirectory("borgerpuls-pickup-").FullName;
        var environment = new Dictionary<string, string> { ["Mail__PickupDirectory"] = pickup, ["Mail__From"] = "Borgerpuls <borgerpuls@kommune.dk>" };

        var first = await CliRunner.RunInAsync(pickup, environment, "alerts", "run", "--db", database.Value, "--culture=en");
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("Alerts: 1 raised, 0 cleared, 1 mails sent, 0 mails failed", first.Output);
        var second = await CliRunner.RunInAsync(pickup, environment, "--culture", "en", "--db", database.Value, "alerts", "run");
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("Alerts: 0 raised, 0 cleared, 0 mails sent", second.Output);

        var mail = MimeMessage.Load(Assert.Single(Directory.GetFiles(pickup, "*.eml")));
        Assert.Equal("leder@kommune.dk", mail.To.Mailboxes.Single().Address);
        Assert.Equal("borgerpuls@kommune.dk", mail.From.Mailboxes.Single().Address);
        Assert.Contains("42 pct. negative svar (grænse 40 pct.)", mail.TextBody);
        Directory.Delete(pickup, recursive: true);
    }
}
