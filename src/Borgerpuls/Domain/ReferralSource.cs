namespace Borgerpuls.Domain;

/// <summary>Who referred the citizen to an invitation (SPEC §5): a small fixed category, never the staff person. VIVE's survey
/// was criticised because caseworkers chose whom to refer; the response rate per category shows whether that happens here.</summary>
public static class ReferralSource
{
    /// <summary>A caseworker chose to hand the invitation to this citizen.</summary>
    public const string Caseworker = "sagsbehandler";

    /// <summary>The reception handed it to citizens as they came.</summary>
    public const string Reception = "reception";

    /// <summary>A case system invited by a rule (every meeting, or a sample), without anyone choosing.</summary>
    public const string CaseSystem = "sagssystem";

    /// <summary>The citizen asked for it.</summary>
    public const string Self = "selv";

    /// <summary>Not stated: invitations created before the category existed, or by staff who left it out.</summary>
    public const string NotStated = "";

    public static readonly IReadOnlyList<string> All = [Caseworker, Reception, CaseSystem, Self];

    public static bool IsKnown(string value) => All.Contains(value, StringComparer.Ordinal);

    /// <summary>The category an invitation counts under; older free-text values count as not stated.</summary>
    public static string Of(string? stored) => stored is not null && IsKnown(stored) ? stored : NotStated;
}
