using Borgerpuls.Domain;

namespace Borgerpuls.Data.Bulk;

/// <summary>A response with its comments, ready for a bulk write.</summary>
public sealed record ResponseRow(Response Response, IReadOnlyList<Comment> Comments);
