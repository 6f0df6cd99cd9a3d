using Borgerpuls.Domain;
using Borgerpuls.Features.ServiceGoals;
using Borgerpuls.Tests.Infrastructure;

namespace Borgerpuls.Tests.Features.ServiceGoals;

/// <summary>Compliance counted by hand. Ten events of a 24-hour promise judged at 10 June 2026 12:00 UTC: seven handled
/// within 24 hours (one of them exactly at 24 h, which keeps the promise), one handled a minute after 24 hours (late), one
/// never answered and received on 5 June (its deadline passed: not kept), one never answered received two hours ago (not
/// yet due: left out). Share = 7 / (7 + 1 + 1) = 7/9 = 0.7778.
/// Wilson 95 %, z = 1.96, z² = 3.8415, n = 9, p = 0.7778: centre = (p + z²/18) / (1 + z²/9) = 0.99120 / 1.42683 = 0.69469;
/// half = z·√(p(1−p)/9 + z²/324) / 1.42683 = 1.96 · √(0.019204 + 0.011856) / 1.42683 = 0.24210; interval 0.4526–0.9368.
/// Against a target of 90 %: not met, and 0.9 lies inside the interval, so not significantly below.</summary>
public sealed class ServiceGoalComplianceTests
{
    private static readonly DateTime Now = new(2026, 6, 10, 12, 0, 0, DateTimeKind.Utc);

    private static DateTime U(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    internal static readonly (DateTime, DateTime?)[] TenEvents =
    [
        (U(6, 1, 8, 0), U(6, 1, 9, 0)),
        (U(6, 1, 8, 0), U(6, 2, 8, 0)), // exactly 24 h
        (U(6, 2, 8, 0), U(6, 2, 20, 0)),
        (U(6, 3, 8, 0), U(6, 3, 8, 1)),
        (U(6, 4, 8, 0), U(6, 5, 7, 59)),
        (U(6, 6, 8, 0), U(6, 6, 9, 0)),
        (U(6, 7, 8, 0), U(6, 7, 9, 0)),
        (U(6, 8, 8, 0), U(6, 9, 8, 1)), // 24 h and a minute: late
        (U(6, 5, 8, 0), null), // deadline 6 June: passed
        (U(6, 10, 10, 0), null), // deadline 11 June 10:00: not yet due
    ];

    [Fact]
    public void Ten_events_give_seven_of_nine_with_the_hand_computed_interval_and_status()
    {
        var figure = ServiceGoalCompliance.Count(TenEvents, 24, Now);
        Assert.Equal((7, 1, 1, 1, 9), (figure.Kept, figure.Late, figure.OpenOverdue, figure.OpenNotDue, figure.Counted));
        Assert.Equal(7.0 / 9, figure.Share!.Value, 10);
        Assert.Equal(0.4526, figure.Interval!.Value.Low, 3);
        Assert.Equal(0.9368, figure.Interval!.Value.High, 3);
        var status = figure.Status(0.90)!;
        Assert.False(status.Met);
        Assert.False(status.Significant);
        // 7/9 = 77.8 % against 45 %: met, and 0.45 lies below the interval's 45.26 %, so significantly.
        Assert.True(figure.Status(0.45) is { Met: true, Significant: true });
    }

    [Fact]
    public void An_open_event_turns_from_left_out_to_not_kept_when_its_deadline_passes()
    {
        (DateTime, DateTime?)[] open = [(U(6, 10, 10, 0), (DateTime?)null)];
        Assert.Equal(0, ServiceGoalCompliance.Count(open, 24, Now).Counted);
        Assert.Null(ServiceGoalCompliance.Count(open, 24, Now).Share);
        Assert.Equal((0, 1), ServiceGoalCompliance.Count(open, 24, Now.AddDays(1)) is var later ? (later.Kept, later.OpenOverdue) : default);
    }

    /// <summary>The same ten events stored for jc-nord (and one event of another kind, and one in jc-syd received in May),
    /// read through the query every output uses: June 2026 gives the same 7/9; the June month of the trend too; May has
    /// jc-syd's one kept event (1/1); the other kind is not counted.</summary>
    [Fact]
    public async Task The_query_counts_the_goal_kind_per_centre_and_month()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        await using var db = database.Open();
        var nord = db.JobCentres.Single(j => j.Key == "jc-nord").Id;
        var syd = db.JobCentres.Single(j => j.Key == "jc-syd").Id;
        var n = 0;
        foreach (var (received, handled) in TenEvents)
        {
            db.ServiceEvents.Add(new ServiceEvent { EventKey = $"e{++n}", Kind = "henvendelse", JobCentreId = nord, ReceivedAt = received, HandledAt = handled });
        }
        db.ServiceEvents.Add(new ServiceEvent { EventKey = "x", Kind = "klage", JobCentreId = nord, ReceivedAt = U(6, 2, 8, 0), HandledAt = null });
        db.ServiceEvents.Add(new ServiceEvent { EventKey = "s1", Kind = "henvendelse", JobCentreId = syd, ReceivedAt = U(5, 12, 8, 0), HandledAt = U(5, 12, 9, 0) });
        await db.SaveChangesAsync();
        var goal = new ServiceGoal { Key = "svar", Kind = "henvendelse", WithinHours = 24, TargetShare = 0.9 };

        var june = (await ServiceGoalCompliance.ForAsync(db, [goal], new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30), ComplianceScope.All, Now, default)).Single();
        Assert.Equal((7, 9), (june.Total.Kept, june.Total.Counted));
        Assert.Equal(["jc-nord"], june.Centres.Select(c => c.Key));

        var spring = (await ServiceGoalCompliance.ForAsync(db, [goal], new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 30), ComplianceScope.All, Now, default)).Single();
        Assert.Equal((8, 10), (spring.Total.Kept, spring.Total.Counted));
        Assert.Equal([(1, 1), (7, 9)], spring.Trend.Select(m => (m.Figure.Kept, m.Figure.Counted)));
        var onlySyd = (await ServiceGoalCompliance.ForAsync(db, [goal], new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 30), ComplianceScope.Centre(syd), Now, default)).Single();
        Assert.Equal((1, 1), (onlySyd.Total.Kept, onlySyd.Total.Counted));
    }
}
