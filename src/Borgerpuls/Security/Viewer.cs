using System.Security.Claims;
using Borgerpuls.Security.Anonymity;

namespace Borgerpuls.Security;

/// <summary>Who asks for figures: the role and, for a manager, the job centres they may see (null = all). Every results,
/// priority-map, export and report query takes one, so no output can reach outside the viewer's centres.</summary>
public sealed record Viewer(string Role, IReadOnlySet<string>? JobCentreKeys)
{
    /// <summary>The command line runs as an analyst: it has the database already.</summary>
    public static readonly Viewer CommandLine = new(Roles.Analyst, null);

    public static Viewer From(ClaimsPrincipal user)
    {
        var role = new[] { Roles.Admin, Roles.Analyst, Roles.Manager, Roles.Committee }.FirstOrDefault(user.IsInRole)
            ?? throw new InvalidOperationException("Only staff roles see figures.");
        return role == Roles.Manager
            ? new Viewer(role, user.FindAll(BorgerpulsClaims.JobCentre).Select(c => c.Value).ToHashSet(StringComparer.Ordinal))
            : new Viewer(role, null);
    }

    /// <summary>For roles below analyst: where the queries write the respondent sets they show, for the differencing guard.</summary>
    public DisclosureLedger? Ledger { get; init; }

    /// <summary>The viewer of a web request, with the request's ledger when the differencing guard applies to the role.</summary>
    public static Viewer For(HttpContext http)
    {
        var viewer = From(http.User);
        if (viewer.IsAnalystOrAdmin) return viewer;
        var ledger = http.Features.Get<DisclosureLedger>();
        if (ledger is null)
        {
            ledger = new DisclosureLedger();
            http.Features.Set(ledger);
        }
        return viewer with { Ledger = ledger };
    }

    public bool SeesAll => JobCentreKeys is null;

    /// <summary>Whether the viewer sees the job centre with this key: every centre, or one of their own. The one rule behind
    /// every page, endpoint and query that shows or changes something of a centre.</summary>
    public bool SeesCentre(string centreKey) => JobCentreKeys is null || JobCentreKeys.Contains(centreKey);

    /// <summary>The ids of the job centres the viewer sees, as a query to filter by in the database; null when they see all.</summary>
    public IQueryable<int>? CentreIds(Data.BorgerpulsDb db)
    {
        if (JobCentreKeys is null) return null;
        var keys = JobCentreKeys.ToList();
        return db.JobCentres.Where(j => keys.Contains(j.Key)).Select(j => j.Id);
    }

    public bool IsAnalystOrAdmin => Role is Roles.Admin or Roles.Analyst;
}
