using Borgerpuls.Domain;
using Borgerpuls.Security;

namespace Borgerpuls.Features.Actions;

/// <summary>Who sees and who changes an action. An action of the whole municipality (no job centre) is seen by every staff
/// role and changed by analysts and administrators; a centre's action is seen by those who see the centre and changed by
/// its managers too. Committee members only read.</summary>
public static class ActionScope
{
    public static bool Sees(Viewer viewer, string? centreKey) => centreKey is null || viewer.SeesCentre(centreKey);

    public static bool Changes(Viewer viewer, string? centreKey) =>
        viewer.IsAnalystOrAdmin || (viewer.Role == Roles.Manager && centreKey is not null && viewer.SeesCentre(centreKey));

    /// <summary>Whether the viewer may create actions at all (managers for their own centres).</summary>
    public static bool Creates(Viewer viewer) => viewer.IsAnalystOrAdmin || viewer.Role == Roles.Manager;

    public static string StatusKey(ActionStatus status) => "Report.ActionStatus." + status;
}
