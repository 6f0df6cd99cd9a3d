using System.Globalization;
using Borgerpuls.Domain;
using Borgerpuls.Features.Alerts;

namespace Borgerpuls.Tests.Features.Alerts;

public sealed class AlertMailTextTests
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da");

    /// <summary>A target on a mean keeps its value on the scale (3,45); one on a share is in per cent (0,6 → 60 pct.).</summary>
    [Fact]
    public void A_target_on_a_mean_is_shown_on_its_scale_and_one_on_a_share_in_per_cent()
    {
        var rule = new AlertRule { Name = "Gennemsnit", Kind = AlertKind.TargetBelow, Scope = "target:snit" };
        AlertEvent Raised(double figure) => new() { Subject = "target:snit", SubjectName = "Snit", Figure = figure, Base = 40, RaisedAt = new DateTime(2026, 3, 10, 11, 0, 0, DateTimeKind.Utc) };
        var mean = AlertMailText.Render("a@b.dk", [(rule, Raised(3.45))], "https://x", Danish, new HashSet<string> { "target:snit" });
        Assert.Contains("Tal: 3,45 – måltallet er ikke nået", mean.Body);
        var share = AlertMailText.Render("a@b.dk", [(rule, Raised(0.6))], "https://x", Danish);
        Assert.Contains("Tal: 60 pct. – måltallet er ikke nået", share.Body);
        Assert.Contains("https://x/targets", share.Body);
        // No window of hours for a target: the time it was judged, in Danish time (UTC+1 in March).
        Assert.Contains("Tidsrum: 10.03.2026 12:00", share.Body);
    }
}
