namespace Borgerpuls.Security;

/// <summary>The one row of the first-administrator setup link (<see cref="SetupToken"/>): only the hash of the token, when
/// and by which instance it was issued, and when it was used.</summary>
public sealed class SetupLink
{
    public const int OnlyId = 1;

    public int Id { get; set; } = OnlyId;
    public required string TokenHash { get; set; }
    public DateTime IssuedAt { get; set; }
    public required string IssuedBy { get; set; }
    public DateTime? TakenAt { get; set; }
}
