namespace Borgerpuls.Domain;

/// <summary>A part of the organisation that is retired instead of deleted (docs/decisions/0015).</summary>
public interface IRetirable
{
    int Id { get; }

    /// <summary>When it was retired: no longer offered for new work, still valid for the data that names it.</summary>
    DateTime? RetiredAt { get; set; }
}
