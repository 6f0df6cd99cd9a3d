using System.Globalization;
using Borgerpuls.Analysis;
using Borgerpuls.Data;
using Borgerpuls.Features.Charts;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.ServiceGoals;

/// <summary>The service goals (servicemål) and how well each is kept over the last twelve months, per job centre and in
/// total, with the trend per month. Staff read; analysts and administrators create, change and import event logs.</summary>
[Authorize(Policy = Policies.Aggregates)]
public sealed class IndexModel(BorgerpulsDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<GoalCompliance> Goals { get; private set; } = [];
    public bool CanChange { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }

    [TempData] public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = Viewer.From(User);
        CanChange = viewer.IsAnalystOrAdmin;
        (From, To) = ServiceGoalCompliance.LastTwelveMonths(clock);
        var goals = await db.ServiceGoals.AsNoTracking().OrderBy(g => g.Key).ToListAsync(ct);
        // A manager sees the centres of their own scope, as everywhere else.
        var scope = await ComplianceScope.ForAsync(db, viewer, null, ct);
        Goals = await ServiceGoalCompliance.ForAsync(db, goals, From, To, scope, clock.GetUtcNow().UtcDateTime, ct);
    }

    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public static string Share(double? share) => share is { } s ? ChartFormat.Percent(s, CultureInfo.CurrentCulture, 1) : "–";

    public static string Interval(ComplianceFigure figure) => figure.Interval is { } i
        ? $"{ChartFormat.Points(i.Low, CultureInfo.CurrentCulture)}–{ChartFormat.Percent(i.High, CultureInfo.CurrentCulture)}" : "–";

    /// <summary>The target share as it was typed: "95 pct.", "92,5 pct.".</summary>
    public static string Target(double share) => ChartFormat.Threshold(share, CultureInfo.CurrentCulture);

    public static string Hours(double hours) => hours.ToString("0.##", CultureInfo.CurrentCulture);

    /// <summary>The resource key of a status: met or not, and whether the difference is more than chance.</summary>
    public static string StatusKey(TargetStatus? status) => status switch
    {
        null => "ServiceGoals.Status.NoData",
        { Met: true, Significant: true } => "ServiceGoals.Status.MetSignificant",
        { Met: true } => "ServiceGoals.Status.Met",
        { Significant: true } => "ServiceGoals.Status.NotMetSignificant",
        _ => "ServiceGoals.Status.NotMet",
    };

    public static string Month(DateOnly month) => month.ToString("MMM yyyy", CultureInfo.CurrentCulture);
}
