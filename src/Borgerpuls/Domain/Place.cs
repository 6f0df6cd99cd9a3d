namespace Borgerpuls.Domain;

/// <summary>A place resolved from parts (a device, a form's choices) rather than read from another placed row. Built by its
/// constructor, so a new place field fails to compile wherever a place is put together until it is given.</summary>
public record struct Place(int JobCentreId, int? SiteId, int? UnitId, int? TargetGroupId) : IPlaced;
