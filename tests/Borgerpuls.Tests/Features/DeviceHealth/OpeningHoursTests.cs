using Borgerpuls.Features.DeviceHealth;

namespace Borgerpuls.Tests.Features.DeviceHealth;

/// <summary>Only opening time counts towards a device being silent, in Danish local time across weekends and clock changes.</summary>
public sealed class OpeningHoursTests
{
    private static readonly OpeningHours Default = OpeningHours.Parse(OpeningHours.Default, TimeSpan.FromMinutes(30));

    private static DateTimeOffset Danish(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0);
        return new DateTimeOffset(local, Borgerpuls.Localization.DanishTime.Zone.GetUtcOffset(local));
    }

    [Fact]
    public void A_kiosk_last_seen_on_friday_afternoon_is_silent_only_after_half_past_eight_on_monday()
    {
        var friday = Danish(2026, 3, 6, 16, 0);
        var lastContact = friday.AddMinutes(-1);

        Assert.Equal(TimeSpan.FromMinutes(1), Default.OpenBetween(lastContact, Danish(2026, 3, 7, 12)));
        Assert.Equal(DeviceState.Ok, DeviceStates.Of(false, lastContact, 0, null, Default, Danish(2026, 3, 9, 8, 29)));
        Assert.Equal(DeviceState.Silent, DeviceStates.Of(false, lastContact, 0, null, Default, Danish(2026, 3, 9, 8, 31)));
    }

    [Fact]
    public void Opening_time_is_danish_local_time_also_on_the_day_the_clocks_change()
    {
        // 29 March 2026: summer time begins in Denmark (a Sunday); Monday 30 March opens at 08:00 CEST = 06:00 UTC.
        var sunday = Danish(2026, 3, 29, 12);
        Assert.Equal(TimeSpan.FromHours(1), Default.OpenBetween(sunday, new DateTimeOffset(2026, 3, 30, 7, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void States_follow_the_worst_first()
    {
        var now = Danish(2026, 3, 4, 11);
        Assert.Equal(DeviceState.Blocked, DeviceStates.Of(true, null, null, null, Default, now));
        Assert.Equal(DeviceState.NeverSeen, DeviceStates.Of(false, null, null, null, Default, now));
        Assert.Equal(DeviceState.Silent, DeviceStates.Of(false, now.AddHours(-1), 5, "HTTP 503", Default, now));
        Assert.Equal(DeviceState.Failing, DeviceStates.Of(false, now.AddMinutes(-1), 5, "HTTP 503", Default, now));
        Assert.Equal(DeviceState.Ok, DeviceStates.Of(false, now.AddMinutes(-1), 0, "HTTP 503", Default, now));
        Assert.Equal(DeviceState.Ok, DeviceStates.Of(false, now.AddMinutes(-1), 5, null, Default, now));
    }

    [Fact]
    public void Several_entries_are_read_and_a_mistake_is_named()
    {
        var hours = OpeningHours.Parse("Mon-Thu 08:00-16:00; Fri 08:00-13:00", TimeSpan.FromMinutes(30));
        Assert.Equal(TimeSpan.FromHours(5), hours.OpenBetween(Danish(2026, 3, 6, 0), Danish(2026, 3, 7, 0)));

        foreach (var bad in new[] { "Mon-Fri 8-16", "Fri-Mon 08:00-16:00", "Man-Fre 08:00-16:00", "Mon-Fri 16:00-08:00" })
        {
            var error = Assert.Throws<InvalidOperationException>(() => OpeningHours.Parse(bad, TimeSpan.FromMinutes(30)));
            Assert.Contains("Devices:OpeningHours", error.Message, StringComparison.Ordinal);
        }
    }
}
