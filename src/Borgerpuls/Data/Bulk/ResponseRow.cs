using Borgerpuls.Domain;

namespace Borgerpuls.Data.Bulk;

/// <summary>A response with its comments, ready for a bulk write.</summary>
public sealed record ResponseRow(Response Response, IReadOnlyList<Comment> Comments)
{
    /// <summary>The invitation this response consumes, marked used in the same transaction; never stored with the response.</summary>
    public string? InvitationTokenHash { get; init; }
}
