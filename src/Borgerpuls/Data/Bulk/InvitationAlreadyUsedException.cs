namespace Borgerpuls.Data.Bulk;

/// <summary>The invitation was consumed by another response between validation and commit; the batch was rolled back.</summary>
public sealed class InvitationAlreadyUsedException(string tokenHash) : Exception("The invitation has already been used.")
{
    public string TokenHash { get; } = tokenHash;
}
