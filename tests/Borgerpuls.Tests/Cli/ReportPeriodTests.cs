using Borgerpuls.Cli;

namespace Borgerpuls.Tests.Cli;

/// <summary>The committee report's period when the command line names none: the year behind the meeting, as the dashboard
/// shows it by default — not every answer ever given.</summary>
public sealed class ReportPeriodTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void Without_dates_the_report_covers_this_month_and_the_eleven_before_it_in_danish_time()
    {
        // 31 December 2026 23:30 UTC is already 1 January 2027 in Copenhagen (UTC+1): the twelve months are Feb 2026 – Jan 2027.
        var clock = new FixedClock(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero));
        Assert.Equal((new DateOnly(2026, 2, 1), new DateOnly(2027, 1, 31)), ReportCommand.DefaultPeriod(null, null, clock));
    }

    [Fact]
    public void A_last_date_alone_ends_a_year_and_a_first_date_is_kept_as_given()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), ReportCommand.DefaultPeriod(null, new DateOnly(2025, 12, 31), clock));
        Assert.Equal((new DateOnly(2024, 3, 1), (DateOnly?)null), ReportCommand.DefaultPeriod(new DateOnly(2024, 3, 1), null, clock));
        Assert.Equal((new DateOnly(2024, 3, 1), new DateOnly(2024, 8, 31)), ReportCommand.DefaultPeriod(new DateOnly(2024, 3, 1), new DateOnly(2024, 8, 31), clock));
    }
}
