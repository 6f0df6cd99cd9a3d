namespace Borgerpuls.Security;

/// <summary>Every endpoint and page declares one of these policies (or is explicitly public). A test enumerates all endpoints and
/// fails on one without a declaration.</summary>
public static class Policies
{
    /// <summary>Users, roles, retention, audit log.</summary>
    public const string Admin = "admin";

    /// <summary>Configuration, imports, respondent-level exports, comments in every segment: analysts and admins.</summary>
    public const string Analyst = "analyst";

    /// <summary>Own centre's results, comments above the comment threshold, tablet sessions, invitations: managers and up.</summary>
    public const string Staff = "staff";

    /// <summary>Aggregated figures only (never a suppressed cell): committee viewers and up.</summary>
    public const string Aggregates = "aggregates";

    /// <summary>A registered kiosk or tablet, authenticated by its device key.</summary>
    public const string Device = "device";
}
