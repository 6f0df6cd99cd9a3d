using System.Text.RegularExpressions;
using Borgerpuls.Data;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Borgerpuls.Tests.Infrastructure;

/// <summary>Creates staff accounts through the real Identity stores and signs them in through the real login form.</summary>
public static partial class StaffLogin
{
    public const string Password = "korrekt-hest-batteri-haefteklamme";

    public static async Task<string> CreateUserAsync(this BorgerpulsApp app, string role, params string[] jobCentres)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"{role}-{Guid.NewGuid().ToString("N")[..12]}@kommune.dk";
        var result = await StaffBootstrap.CreateAsync(users, email, Password, role, jobCentres);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return email;
    }

    public static async Task<string> UserIdAsync(TestDatabase database, string email)
    {
        await using var db = database.Open();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>A client with a signed-in cookie for a new user of <paramref name="role"/>, sending the antiforgery token with
    /// every request as the web app's own scripts do (<paramref name="antiforgery"/> false: a session without it, as a
    /// forged cross-site request would be).</summary>
    public static async Task<HttpClient> SignedInClientAsync(this BorgerpulsApp app, string role, params string[] jobCentres) =>
        await app.SignedInClientAsync(role, antiforgery: true, jobCentres);

    public static async Task<HttpClient> SignedInClientAsync(this BorgerpulsApp app, string role, bool antiforgery, params string[] jobCentres)
    {
        var email = await app.CreateUserAsync(role, jobCentres);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostAsync("/login", await FormAsync(client, "/login", new() { ["email"] = email, ["password"] = Password }));
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect, $"Sign-in failed: {response.StatusCode}");
        if (antiforgery)
        {
            // The token is bound to the signed-in user, so it is taken from a page after signing in.
            var page = await client.GetStringAsync("/account/tokens");
            client.DefaultRequestHeaders.Add("RequestVerificationToken", TokenPattern().Match(page).Groups[1].Value);
        }
        return client;
    }

    /// <summary>A form body for a POST to <paramref name="page"/>, with the antiforgery token the page hands out.</summary>
    public static async Task<FormUrlEncodedContent> FormAsync(HttpClient client, string page, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(page);
        fields["__RequestVerificationToken"] = TokenPattern().Match(html).Groups[1].Value;
        return new FormUrlEncodedContent(fields);
    }

    /// <summary>As <see cref="FormAsync(HttpClient, string, Dictionary{string, string})"/>, with a name sent more than once
    /// (checked checkboxes).</summary>
    public static async Task<FormUrlEncodedContent> FormOfPairsAsync(HttpClient client, string page, params (string Name, string Value)[] fields)
    {
        var html = await client.GetStringAsync(page);
        return new FormUrlEncodedContent([.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value)),
            KeyValuePair.Create("__RequestVerificationToken", TokenPattern().Match(html).Groups[1].Value)]);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
