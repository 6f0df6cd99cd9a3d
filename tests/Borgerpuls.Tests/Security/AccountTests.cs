using System.Net;
using Borgerpuls.Data;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Borgerpuls.Tests.Security;

public sealed class AccountTests
{
    [Fact]
    public async Task Without_accounts_the_setup_link_creates_the_first_admin_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new BorgerpulsApp(database);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var setup = app.Services.GetRequiredService<SetupToken>();
        Assert.True(await setup.IsOpenAsync());
        // The start printed a link; only its hash is stored, so the test issues the one it uses.
        var token = await setup.IssueAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/setup?token=wrong")).StatusCode);
        var form = await StaffLogin.FormAsync(client, $"/setup?token={token}", new() { ["token"] = token!, ["email"] = "chef@kommune.dk", ["password"] = StaffLogin.Password });
        var created = await client.PostAsync("/setup", form);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.False(await setup.IsOpenAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/setup?token={token}")).StatusCode);
        await using var db = database.Open();
        var admin = await db.Users.SingleAsync();
        Assert.Equal("chef@kommune.dk", admin.Email);
        Assert.NotEqual(StaffLogin.Password, admin.PasswordHash);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "user.setup"));
    }

    [Fact]
    public async Task Wrong_passwords_lock_the_account_and_are_audited()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new BorgerpulsApp(database);
        var email = await app.CreateUserAsync(Roles.Analyst);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        for (var i = 0; i < 5; i++)
        {
            var failed = await client.PostAsync("/login", await StaffLogin.FormAsync(client, "/login", new() { ["email"] = email, ["password"] = "forkert-forkert-forkert" }));
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }
        var locked = await client.PostAsync("/login", await StaffLogin.FormAsync(client, "/login", new() { ["email"] = email, ["password"] = StaffLogin.Password }));

        // Locked: even the right password is refused, with the same words as a wrong one (nothing tells that the account
        // exists); the audit log tells the administrator what happened.
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("Forkert e-mail eller adgangskode, eller for mange forsøg i træk", await locked.Content.ReadAsStringAsync());
        Assert.DoesNotContain("borgerpuls.auth", string.Join(";", locked.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []));
        await using var db = database.Open();
        Assert.True(await db.AuditEntries.CountAsync(a => a.Action == "signin.failed" && a.Actor == email) >= 4);
        Assert.True(await db.AuditEntries.CountAsync(a => a.Action == "signin.locked-out" && a.Actor == email) >= 1);
    }

    [Fact]
    public async Task A_personal_access_token_works_within_its_scope_and_stops_when_revoked()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new BorgerpulsApp(database);
        var admin = await app.SignedInClientAsync(Roles.Admin);
        var created = await admin.PostAsync("/account/tokens?handler=Create", await StaffLogin.FormAsync(admin, "/account/tokens",
            new() { ["name"] = "fagsystem", ["scopes"] = "results:read", ["days"] = "30" }));
        var html = await created.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"new-token\">(bp_[^<]+)<").Groups[1].Value;
        Assert.StartsWith("bp_", token);

        var api = app.CreateClient(new() { AllowAutoRedirect = false });
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        // Scope results:read satisfies the aggregates policy but not the admin policy, although the owner is an admin.
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/results?instrument=smiley")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/admin/audit")).StatusCode);

        await using (var db = database.Open())
        {
            var stored = await db.AccessTokens.SingleAsync();
            Assert.Equal(SecretKeys.Hash(token), stored.TokenHash);
            Assert.DoesNotContain(token, stored.TokenHash);
            stored.RevokedAt = DateTime.UtcNow;
            await db.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/results?instrument=smiley")).StatusCode);
    }

    [Fact]
    public async Task Admin_creates_a_manager_scoped_to_a_centre_and_unknown_centres_are_refused()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        await using var app = new BorgerpulsApp(database);
        var admin = await app.SignedInClientAsync(Roles.Admin);

        var bad = await admin.PostAsync("/admin/users?handler=Create", await StaffLogin.FormAsync(admin, "/admin/users",
            new() { ["email"] = "leder@kommune.dk", ["password"] = StaffLogin.Password, ["role"] = Roles.Manager, ["jobCentres"] = "jc-findes-ikke" }));
        Assert.Contains("Ukendt jobcenter: jc-findes-ikke", await bad.Content.ReadAsStringAsync());

        var good = await admin.PostAsync("/admin/users?handler=Create", await StaffLogin.FormAsync(admin, "/admin/users",
            new() { ["email"] = "leder@kommune.dk", ["password"] = StaffLogin.Password, ["role"] = Roles.Manager, ["jobCentres"] = "jc-nord" }));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);

        await using var db = database.Open();
        var user = await db.Users.SingleAsync(u => u.Email == "leder@kommune.dk");
        Assert.Equal("jc-nord", (await db.UserClaims.SingleAsync(c => c.UserId == user.Id && c.ClaimType == BorgerpulsClaims.JobCentre)).ClaimValue);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "user.create" && a.Details!.Contains("leder@kommune.dk")));
    }

    [Fact]
    public async Task The_audit_log_cannot_be_changed()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await database.MigratedAsync();
        db.AuditEntries.Add(new Borgerpuls.Domain.AuditEntry { At = DateTime.UtcNow, Actor = "x", Action = "test" });
        await db.SaveChangesAsync();

        var entry = await db.AuditEntries.FirstAsync();
        entry.Details = "rewritten";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(await db.AuditEntries.FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }
}
