using Borgerpuls.Domain;
using Borgerpuls.Features.Alerts;
using Borgerpuls.Features.DeviceHealth;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Borgerpuls.Tests.Features.Alerts;

/// <summary>Alert rounds against the demo organisation, mailing through a real SMTP server process (aiosmtpd).
/// Tuesday 10 March 2026, 11:30 UTC is 12:30 in Denmark (UTC+1 before summer time).</summary>
public sealed class AlertRunTests(SmtpServerFixture smtp) : IClassFixture<SmtpServerFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Tuesday = new(2026, 3, 10, 11, 30, 0, TimeSpan.Zero);
    private readonly string _to = $"leder-{Guid.NewGuid():N}@kommune.test";
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.AddDemoOrganisationAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private AlertSettings Settings(int k = 5, int? port = null) => new(k, OpeningHours.Parse(OpeningHours.Default, TimeSpan.FromMinutes(30)),
        new AlertOptions { BaseUrl = "https://borgerpuls.kommune.test", DigestHour = 7 },
        new SmtpMailSender(new MailOptions { From = "Borgerpuls <borgerpuls@kommune.test>", Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port ?? smtp.Server.Port, Security = "None", TimeoutSeconds = 10 } }));

    private Task<AlertRunResult> RunAsync(DateTimeOffset now, AlertSettings? settings = null) =>
        AlertRun.RunAsync(_database.Factory, settings ?? Settings(), now, NullLogger.Instance, CancellationToken.None);

    private async Task<AlertRule> AddRuleAsync(AlertKind kind, string scope, int hours = 3, double level = 0.40, int minimumBase = 10, bool digest = false, string? recipient = null)
    {
        await using var db = _database.Open();
        var rule = new AlertRule
        {
            Name = $"Regel {kind} {Guid.NewGuid():N}"[..30], Kind = kind, Scope = scope, WindowHours = hours, Level = level, MinimumBase = minimumBase,
            Digest = digest, Recipients = [recipient ?? _to], CreatedAt = DateTime.UtcNow,
        };
        db.Add(rule);
        await db.SaveChangesAsync();
        return rule;
    }

    private static Responses.Spec Kiosk(string answer, DateTime hour, string? comment = null) =>
        new("smiley", new() { ["besoeg"] = answer }) { Channel = Channel.Kiosk, Hour = hour, Comment = comment };

    private static readonly DateTime Nine = new(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc), Ten = Nine.AddHours(1), Eleven = Nine.AddHours(2);

    /// <summary>Window of 3 hours at 11:30 UTC: the hours 09:00–11:59. In it 12 answers, 5 negative (codes 1 and 2) and 7
    /// positive: 5 / 12 = 41.7 % → "42 pct." above the level of 40 %. Three negative answers at 07:00 lie outside.</summary>
    private async Task TwelveAnswersFiveNegativeAsync()
    {
        await Responses.WriteAsync(_database,
            Responses.Repeat(3, Kiosk("1", Nine, "Sagsbehandleren Jens Hansen var uforskammet")).Concat(Responses.Repeat(2, Kiosk("2", Ten)))
                .Concat(Responses.Repeat(4, Kiosk("4", Nine))).Concat(Responses.Repeat(3, Kiosk("4", Ten)))
                .Concat(Responses.Repeat(3, Kiosk("1", Nine.AddHours(-2)))));
    }

    [Fact]
    public async Task A_negative_share_above_its_level_is_mailed_once_with_the_figure_and_again_only_after_it_cleared_and_recurred()
    {
        await TwelveAnswersFiveNegativeAsync();
        await AddRuleAsync(AlertKind.NegativeShare, "site:sjaellandsgade");

        var first = await RunAsync(Tuesday);
        Assert.Equal(new AlertRunResult(1, 0, 1, 0), first);
        var mail = Assert.Single(smtp.Server.Messages(_to));
        var body = mail.TextBody;
        Assert.Contains("42 pct.", body);
        Assert.Contains("grænse 40 pct.", body);
        Assert.Contains("Sjællandsgade", mail.Subject + body);
        Assert.Contains("Grundlag (besvarelser): 12", body);
        // The window in Danish local time: 10:00 to 12:30.
        Assert.Contains("10.03.2026 10:00 – 10.03.2026 12:30", body);
        Assert.Contains("https://borgerpuls.kommune.test/dashboard", body);
        // Only aggregates: no comment text, no name.
        Assert.DoesNotContain("Jens", body);
        Assert.DoesNotContain("uforskammet", body);

        // Still above the level five minutes later: nothing new.
        Assert.Equal(new AlertRunResult(0, 0, 0, 0), await RunAsync(Tuesday.AddMinutes(5)));
        Assert.Single(smtp.Server.Messages(_to));

        // Four positive answers at 11:00: 5 / 16 = 31 % — cleared, and no mail for clearing.
        await Responses.WriteAsync(_database, Responses.Repeat(4, Kiosk("4", Eleven)));
        Assert.Equal(new AlertRunResult(0, 1, 0, 0), await RunAsync(Tuesday.AddMinutes(10)));
        Assert.Single(smtp.Server.Messages(_to));

        // Four negative answers more: 9 / 20 = 45 % — raised again, mailed again.
        await Responses.WriteAsync(_database, Responses.Repeat(4, Kiosk("2", Eleven)));
        Assert.Equal(new AlertRunResult(1, 0, 1, 0), await RunAsync(Tuesday.AddMinutes(15)));
        var mails = smtp.Server.Messages(_to);
        Assert.Equal(2, mails.Count);
        Assert.Contains(mails, m => m.TextBody!.Contains("45 pct.", StringComparison.Ordinal) && m.TextBody.Contains("Grundlag (besvarelser): 20", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Below_the_minimum_base_or_below_k_nothing_is_raised()
    {
        await TwelveAnswersFiveNegativeAsync();
        await AddRuleAsync(AlertKind.NegativeShare, "site:sjaellandsgade", minimumBase: 13);
        Assert.Equal(new AlertRunResult(0, 0, 0, 0), await RunAsync(Tuesday));

        // Four answers, all negative, on another site: the rule asks for 1, but k = 5 comes first.
        await Responses.WriteAsync(_database, Responses.Repeat(4, Kiosk("1", Ten) with { Site = "torvet" }));
        await AddRuleAsync(AlertKind.NegativeShare, "site:torvet", minimumBase: 1);
        Assert.Equal(new AlertRunResult(0, 0, 0, 0), await RunAsync(Tuesday, Settings(k: 5)));
        Assert.Empty(smtp.Server.Messages(_to));
        // The same with k = 4 (its minimum is 3): 4 / 4 = 100 % is raised.
        Assert.Equal(1, (await RunAsync(Tuesday, Settings(k: 4))).Raised);
    }

    /// <summary>The last kiosk answer at Sjællandsgade is in the hour 14:00 on Friday 6 March (Danish time), so it counts
    /// from 15:00; opening hours Mon–Fri 08:00–16:00; the rule allows 3 hours. Saturday noon: 1 hour of opening time (Friday
    /// 15–16) → quiet. Monday 06:00: still 1 hour → quiet. Monday 10:30: 1 + 2.5 = 3.5 hours → raised.</summary>
    [Fact]
    public async Task A_kiosk_silent_for_hours_of_opening_time_is_raised_but_nights_and_weekends_do_not_count()
    {
        await Devices.AddAsync(_database, "sjaellandsgade", "smiley", name: "Kiosk ved indgangen");
        await using (var db = _database.Open())
        {
            await db.Devices.ExecuteUpdateAsync(s => s.SetProperty(d => d.CreatedAt, new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc)));
        }
        await Responses.WriteAsync(_database, [Kiosk("4", new DateTime(2026, 3, 6, 13, 0, 0, DateTimeKind.Utc))]);
        await AddRuleAsync(AlertKind.SilentKiosk, "site:sjaellandsgade");

        Assert.Equal(0, (await RunAsync(new DateTimeOffset(2026, 3, 7, 11, 0, 0, TimeSpan.Zero))).Raised);
        Assert.Equal(0, (await RunAsync(new DateTimeOffset(2026, 3, 9, 5, 0, 0, TimeSpan.Zero))).Raised);
        Assert.Empty(smtp.Server.Messages(_to));
        Assert.Equal(1, (await RunAsync(new DateTimeOffset(2026, 3, 9, 9, 30, 0, TimeSpan.Zero))).Raised);
        var mail = Assert.Single(smtp.Server.Messages(_to));
        Assert.Contains("Kiosk ved indgangen", mail.TextBody);
        Assert.Contains("ingen svar i 3,5 timers åbningstid", mail.TextBody);
        Assert.Contains("/admin/devices", mail.TextBody);
    }

    /// <summary>Target: at least 80 % positive on "besoeg" in 2026. Ten answers in March: 5 positive → 50 % → not met.
    /// The recipient is a staff user, mailed at the address on their account.</summary>
    [Fact]
    public async Task A_target_below_its_threshold_is_mailed_to_the_staff_user_chosen()
    {
        await Responses.WriteAsync(_database, Responses.Repeat(5, Kiosk("4", Nine)).Concat(Responses.Repeat(5, Kiosk("1", Nine))));
        string userId;
        await using (var db = _database.Open())
        {
            var instrument = await db.Instruments.SingleAsync(i => i.Key == "smiley");
            db.Targets.Add(new Target
            {
                Key = "besoeg-80", Name = "Besøg 80 %", InstrumentId = instrument.Id, Metric = TargetMetric.Positive, Aggregation = TargetAggregation.Question,
                QuestionKey = "besoeg", Direction = TargetDirection.AtLeast, Threshold = 0.8, Year = 2026,
            });
            var user = new StaffUser { UserName = "leder", NormalizedUserName = "LEDER", Email = _to, NormalizedEmail = _to.ToUpperInvariant(), DisplayName = "Leder" };
            db.Users.Add(user);
            await db.SaveChangesAsync();
            userId = user.Id;
        }
        await AddRuleAsync(AlertKind.TargetBelow, "target:besoeg-80", recipient: RecipientAddresses.UserPrefix + userId);

        Assert.Equal(new AlertRunResult(1, 0, 1, 0), await RunAsync(Tuesday));
        var mail = Assert.Single(smtp.Server.Messages(_to));
        Assert.Contains("Besøg 80 %", mail.Subject);
        Assert.Contains("50 pct. – måltallet er ikke nået", mail.TextBody);
        Assert.Contains("Grundlag (besvarelser): 10", mail.TextBody);
    }

    [Fact]
    public async Task A_digest_collects_the_days_alerts_into_one_mail_the_next_morning()
    {
        await Devices.AddAsync(_database, "sjaellandsgade", "smiley", name: "Kiosk A");
        await Devices.AddAsync(_database, "torvet", "smiley", name: "Kiosk B");
        await using (var db = _database.Open())
        {
            await db.Devices.ExecuteUpdateAsync(s => s.SetProperty(d => d.LastRejected, 2).SetProperty(d => d.LastContactAt, Tuesday.UtcDateTime));
        }
        await AddRuleAsync(AlertKind.FailingDevice, "", digest: true);

        Assert.Equal(new AlertRunResult(2, 0, 0, 0), await RunAsync(Tuesday));
        Assert.Empty(smtp.Server.Messages(_to));
        // 07:00 Danish time on Wednesday is 06:00 UTC: not yet at 05:59, then one mail with both.
        Assert.Equal(0, (await RunAsync(new DateTimeOffset(2026, 3, 11, 5, 59, 0, TimeSpan.Zero))).Sent);
        Assert.Equal(1, (await RunAsync(new DateTimeOffset(2026, 3, 11, 6, 0, 0, TimeSpan.Zero))).Sent);
        var mail = Assert.Single(smtp.Server.Messages(_to));
        Assert.Contains("(2)", mail.Subject);
        Assert.Contains("Kiosk A", mail.TextBody);
        Assert.Contains("Kiosk B", mail.TextBody);
        Assert.Contains("2 afviste svar", mail.TextBody);
    }

    [Fact]
    public async Task While_the_smtp_server_is_down_the_round_goes_on_and_the_mail_is_sent_in_the_next_round()
    {
        await TwelveAnswersFiveNegativeAsync();
        await AddRuleAsync(AlertKind.NegativeShare, "site:sjaellandsgade");
        await using var later = new SmtpServer();
        var settings = Settings(port: later.Port);

        Assert.Equal(new AlertRunResult(1, 0, 0, 1), await RunAsync(Tuesday, settings));
        await later.StartAsync();
        Assert.Equal(new AlertRunResult(0, 0, 1, 0), await RunAsync(Tuesday.AddMinutes(5), settings));
        Assert.Contains("42 pct.", Assert.Single(later.Messages(_to)).TextBody);
        Assert.Equal(new AlertRunResult(0, 0, 0, 0), await RunAsync(Tuesday.AddMinutes(10), settings));
        await using var db = _database.Open();
        var stored = await db.Set<AlertMail>().SingleAsync();
        Assert.Equal(2, stored.Attempts);
        Assert.NotNull(stored.SentAt);
    }

    [Fact]
    public async Task Two_instances_running_a_round_at_the_same_time_send_one_mail()
    {
        await TwelveAnswersFiveNegativeAsync();
        await AddRuleAsync(AlertKind.NegativeShare, "site:sjaellandsgade");
        var results = await Task.WhenAll(RunAsync(Tuesday, Settings()), RunAsync(Tuesday, Settings()));
        Assert.Equal(1, results.Sum(r => r.Raised));
        Assert.Equal(1, results.Sum(r => r.Sent));
        Assert.Single(smtp.Server.Messages(_to));
    }
}
