namespace Borgerpuls.Domain;

/// <summary>Where an answer was given, or offered: the job centre, site, unit and target group that responses, comments,
/// invitations, declined hand-overs and paper distributions are all segmented and counted by. One shape, copied only by
/// <see cref="Placed.PlaceFrom"/>, so a new place field is declared here and copied in one place instead of on each kind
/// and at each copy; a test fails when an entity with a job centre does not take this shape.</summary>
/// <remarks>Only what every kind shares: comments and paper distributions have no meeting type, which is copied on its own.
/// The columns stay on each entity as they are; this is a shape for code, not a mapped type.</remarks>
public interface IPlaced
{
    int JobCentreId { get; set; }
    int? SiteId { get; set; }
    int? UnitId { get; set; }
    int? TargetGroupId { get; set; }
}

public static class Placed
{
    /// <summary>Sets every member of <see cref="IPlaced"/> on <paramref name="target"/> from <paramref name="source"/>; returns
    /// the target, so a new entity can be placed where it is created.</summary>
    public static T PlaceFrom<T>(this T target, IPlaced source) where T : class, IPlaced
    {
        target.JobCentreId = source.JobCentreId;
        target.SiteId = source.SiteId;
        target.UnitId = source.UnitId;
        target.TargetGroupId = source.TargetGroupId;
        return target;
    }
}
