namespace Borgerpuls.Security;

/// <summary>An API token for scripts and case systems: hashed at rest, limited to scopes, always expiring.</summary>
public sealed class PersonalAccessToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public required string TokenHash { get; set; }
    public List<string> Scopes { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    public const string Prefix = "bp_";

    /// <summary>Scopes a token can carry, each tied to the policy it satisfies; a token never exceeds its owner's role.</summary>
    public static readonly IReadOnlyDictionary<string, string> ScopeForPolicy = new Dictionary<string, string>
    {
        [Policies.Aggregates] = "results:read",
        [Policies.Staff] = "staff",
        [Policies.Analyst] = "analyst",
        [Policies.Admin] = "admin",
    };
}
