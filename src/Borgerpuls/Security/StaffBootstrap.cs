using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Borgerpuls.Security;

/// <summary>Makes sure the roles exist and that someone can sign in: a bootstrap admin from configuration
/// (<c>Bootstrap:AdminEmail</c>, <c>Bootstrap:AdminPassword</c>, e.g. as environment variables <c>Bootstrap__AdminEmail</c>),
/// or else, while no account exists, a one-time setup link printed to the console (one per database, <see cref="SetupToken"/>).</summary>
internal static class StaffBootstrap
{
    /// <param name="origin">Where staff reach the app (<c>PublicUrl</c>, else the first listening address): the setup link
    /// is printed for that address, not for the app's own one behind a proxy.</param>
    public static async Task RunAsync(IServiceProvider services, IConfiguration configuration, ILogger logger, string origin)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.Staff)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                try
                {
                    await roles.CreateAsync(new IdentityRole(role));
                }
                catch (Microsoft.EntityFrameworkCore.DbUpdateException)
                {
                    // Instances started together on a new database: another one created the role a moment earlier.
                    if (!await AnotherInstanceCreatedAsync(scope.ServiceProvider, roles, role)) throw;
                }
            }
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (users.Users.Any())
        {
            return;
        }
        var email = configuration["Bootstrap:AdminEmail"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (!string.IsNullOrWhiteSpace(email) && !string.IsNullOrWhiteSpace(password))
        {
            IdentityResult result;
            try
            {
                result = await CreateAsync(users, email, password, Roles.Admin, []);
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                result = IdentityResult.Failed();
            }
            if (!result.Succeeded && await CreatedByAnotherInstanceAsync(scope.ServiceProvider, users, email))
            {
                // Instances started together with the same settings: one of them created the administrator.
                return;
            }
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("The bootstrap admin could not be created: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            }
            await scope.ServiceProvider.GetRequiredService<AuditLog>().WriteAsync(AuditActions.UserBootstrap, email, actor: "system");
            logger.LogInformation("Created the bootstrap administrator {Email}", email);
            return;
        }
        var issued = await scope.ServiceProvider.GetRequiredService<SetupToken>().IssueAtStartAsync(SetupToken.ThisInstance);
        if (issued.Token is null)
        {
            // Another instance of this deployment started a moment ago and printed the link: one link per database.
            logger.LogWarning("No staff account exists yet. The one-time setup link was issued at {IssuedAt:u} by {IssuedBy}: it is in that instance's log and works on every instance (a start after {Renewal:u} issues a new one).",
                issued.Link.IssuedAt, issued.Link.IssuedBy, issued.Link.IssuedAt + SetupToken.SharedFor);
            return;
        }
        logger.LogWarning("No staff account exists yet. Create the first administrator here (the link works once, on any instance): {SetupUrl}", $"{origin}/setup?token={issued.Token}");
    }

    private static async Task<bool> CreatedByAnotherInstanceAsync(IServiceProvider services, UserManager<StaffUser> users, string email)
    {
        services.GetRequiredService<Data.BorgerpulsDb>().ChangeTracker.Clear();
        return await users.FindByEmailAsync(email) is not null;
    }

    private static async Task<bool> AnotherInstanceCreatedAsync(IServiceProvider services, RoleManager<IdentityRole> roles, string role)
    {
        // The failed insert stays tracked and would be sent again with the next role: forget it first.
        services.GetRequiredService<Data.BorgerpulsDb>().ChangeTracker.Clear();
        return await roles.RoleExistsAsync(role);
    }

    public static async Task<IdentityResult> CreateAsync(UserManager<StaffUser> users, string email, string password, string role, IEnumerable<string> jobCentres)
    {
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            return result;
        }
        await users.AddToRoleAsync(user, role);
        foreach (var centre in jobCentres)
        {
            await users.AddClaimAsync(user, new Claim(BorgerpulsClaims.JobCentre, centre));
        }
        return result;
    }
}
