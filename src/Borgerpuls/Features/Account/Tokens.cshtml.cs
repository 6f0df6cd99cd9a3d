using System.Security.Claims;
using Borgerpuls.Data;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Account;

/// <summary>Personal access tokens for scripts and case systems: shown once, hashed at rest, scoped to at most the owner's
/// rights, expiring within a year. Only a person signed in with a session may manage them: a token can neither mint a new
/// token (which would outlive and out-scope it) nor revoke its owner's other tokens.</summary>
[Authorize(Policy = Policies.Aggregates, AuthenticationSchemes = AuthSetup.SignedInPerson)]
public sealed class TokensModel(BorgerpulsDb db, AuditLog audit, TimeProvider clock, IAuthorizationService authorization, IStringLocalizer<SharedResource> t) : PageModel
{
    public List<PersonalAccessToken> Tokens { get; private set; } = [];
    public List<string> AllowedScopes { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public string? NewToken { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync(string name, string[] scopes, int days)
    {
        await LoadAsync();
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100) Errors.Add(t["Tokens.NameRequired"]);
        if (days is < 1 or > 365) Errors.Add(t["Tokens.DaysRange"]);
        if (scopes.Length == 0) Errors.Add(t["Tokens.ScopeRequired"]);
        Errors.AddRange(scopes.Except(AllowedScopes).Select(s => t["Tokens.ScopeNotAllowed", s].Value));
        if (Errors.Count > 0)
        {
            return Page();
        }
        var token = PersonalAccessToken.Prefix + SecretKeys.New();
        var now = clock.GetUtcNow().UtcDateTime;
        db.AccessTokens.Add(new PersonalAccessToken
        {
            UserId = UserId, Name = name.Trim(), TokenHash = SecretKeys.Hash(token), Scopes = [.. scopes.Distinct()], CreatedAt = now, ExpiresAt = now.AddDays(days),
        });
        await db.SaveChangesAsync();
        await audit.WriteAsync(AuditActions.TokenCreate, $"{name} [{string.Join(",", scopes)}] {days} days");
        NewToken = token;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id)
    {
        var token = await db.AccessTokens.SingleOrDefaultAsync(x => x.Id == id && x.UserId == UserId);
        if (token is null)
        {
            return NotFound();
        }
        token.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        await audit.WriteAsync(AuditActions.TokenRevoke, token.Name);
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Tokens = await db.AccessTokens.AsNoTracking().Where(x => x.UserId == UserId).OrderByDescending(x => x.CreatedAt).ToListAsync();
        AllowedScopes = [];
        foreach (var (policy, scope) in PersonalAccessToken.ScopeForPolicy)
        {
            if ((await authorization.AuthorizeAsync(User, policy)).Succeeded)
            {
                AllowedScopes.Add(scope);
            }
        }
    }
}
