using Borgerpuls.Security;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Infrastructure;

/// <summary>A client that calls the API the way a case system does: with a personal access token.</summary>
public static class AccessTokens
{
    public static async Task<HttpClient> BearerClientAsync(this BorgerpulsApp app, TestDatabase database, string role, string scope, params string[] jobCentres)
    {
        var email = await app.CreateUserAsync(role, jobCentres);
        var token = PersonalAccessToken.Prefix + Guid.NewGuid().ToString("N");
        await using (var db = database.Open())
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            db.AccessTokens.Add(new PersonalAccessToken
            {
                UserId = user.Id, Name = "sagssystem", TokenHash = SecretKeys.Hash(token), Scopes = [scope],
                CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddDays(30),
            });
            await db.SaveChangesAsync();
        }
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }
}
