using Microsoft.AspNetCore.Identity;

namespace Borgerpuls.Security;

/// <summary>A staff member's account. Role membership is an Identity role; the job centres a manager may see are
/// <see cref="BorgerpulsClaims.JobCentre"/> claims.</summary>
public sealed class StaffUser : IdentityUser
{
    public string? DisplayName { get; set; }
}
