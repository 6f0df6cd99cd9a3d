namespace Borgerpuls.Security;

/// <summary>Two kinds of lock share Identity's <c>LockoutEnd</c>: an administrator's lock ("Lås" on /admin/users, until
/// further notice) and the short lockout after failed sign-ins. Only the first disables the account's API tokens: anyone can
/// trigger the second by guessing passwords, and it must not switch off a case system's integration.</summary>
public static class AccountLock
{
    /// <summary>What an administrator's lock stores.</summary>
    public static readonly DateTimeOffset Indefinite = DateTimeOffset.MaxValue;

    // A failed-sign-in lockout lasts minutes; anything beyond a century is an administrator's lock, whatever precision the
    // database kept of DateTimeOffset.MaxValue.
    public static bool IsLockedByAdministrator(StaffUser user, DateTimeOffset now) =>
        user.LockoutEnd is { } end && end > now.AddYears(100);
}
