using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Security;

namespace Borgerpuls.Features.FollowUp;

/// <summary>Who sees a follow-up request: managers those of their own job centres, analysts and administrators all of them,
/// committee members none (they see aggregates only; the pages' policy already keeps them out).</summary>
public static class FollowUpScope
{
    public static bool Sees(Viewer viewer, string centreKey) =>
        viewer.IsAnalystOrAdmin || (viewer.Role == Roles.Manager && viewer.SeesCentre(centreKey));

    /// <summary>The requests of the viewer's job centres (one query, filtered in the database).</summary>
    public static IQueryable<FollowUpRequest> Visible(BorgerpulsDb db, Viewer viewer)
    {
        if (viewer.IsAnalystOrAdmin) return db.FollowUpRequests;
        if (viewer.Role != Roles.Manager) return db.FollowUpRequests.Where(_ => false);
        var ids = viewer.CentreIds(db)!;
        return db.FollowUpRequests.Where(f => ids.Contains(f.JobCentreId));
    }

    public static string StatusKey(FollowUpStatus status) => "FollowUp.Status." + status;
}
