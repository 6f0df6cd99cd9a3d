namespace Borgerpuls.Security;

/// <summary>The roles of SPEC §2. A manager (leder/medarbejder) is scoped to the job centres in their
/// <see cref="ClaimTypes.JobCentre"/> claims; analysts and admins see the whole municipality.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Analyst = "analyst";
    public const string Manager = "manager";
    public const string Committee = "committee";
    public const string Device = "device";

    public static readonly string[] Staff = [Admin, Analyst, Manager, Committee];
}

public static class BorgerpulsClaims
{
    /// <summary>The key of a job centre a manager may see; one claim per centre.</summary>
    public const string JobCentre = "borgerpuls:jobcentre";

    /// <summary>A device's id (kiosk or tablet).</summary>
    public const string DeviceId = "borgerpuls:device";

    /// <summary>A personal access token's scope, e.g. <c>results:read</c>.</summary>
    public const string Scope = "borgerpuls:scope";
}
