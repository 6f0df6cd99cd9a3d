using Borgerpuls.Domain;

namespace Borgerpuls.Data.Bulk;

/// <summary>A response with its comments, ready for a bulk write.</summary>
public sealed record ResponseRow(Response Response, IReadOnlyList<Comment> Comments)
{
    /// <summary>The invitation this response consumes, marked used in the same transaction; never stored with the response.</summary>
    public string? InvitationTokenHash { get; init; }

    /// <summary>The content hash an earlier version would have stored for this submission (over the unredacted text), to
    /// recognise a retry of a response stored before the upgrade; compared in memory, never stored.</summary>
    public string? LegacyContentHash { get; init; }
}
