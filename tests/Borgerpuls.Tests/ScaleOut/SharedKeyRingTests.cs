using System.Net;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.ScaleOut;

/// <summary>Two instances on one database, as behind a round-robin load balancer: whatever one issued, the other accepts.</summary>
public sealed class SharedKeyRingTests
{
    [Fact]
    public async Task A_sign_in_and_a_form_token_from_one_instance_work_on_the_other()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var a = new BorgerpulsApp(database);
        await using var b = new BorgerpulsApp(database);
        var email = await a.CreateUserAsync(Roles.Analyst);
        // One browser: one cookie jar, whichever instance answers.
        var jar = new System.Net.CookieContainer();
        using var toA = a.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(jar));
        using var toB = b.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(jar));

        // The login form (and its antiforgery cookie) from A, posted to B.
        var signIn = await toB.PostAsync("/login", await StaffLogin.FormAsync(toA, "/login", new() { ["email"] = email, ["password"] = StaffLogin.Password }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("borgerpuls.auth", jar.GetCookieHeader(new Uri("http://localhost")));

        // B's sign-in cookie works on A and on B.
        Assert.Equal(HttpStatusCode.OK, (await toA.GetAsync("/account/tokens")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await toB.GetAsync("/account/tokens")).StatusCode);

        // A signed-in form from A, posted to B: a new access token is created there.
        var create = await toB.PostAsync("/account/tokens?handler=create", await StaffLogin.FormAsync(toA, "/account/tokens", new() { ["name"] = "fra A", ["scopes"] = "analyst", ["days"] = "30" }));
        Assert.Equal(HttpStatusCode.OK, create.StatusCode);
        await using var db = database.Open();
        Assert.Equal("fra A", (await db.AccessTokens.SingleAsync()).Name);

        // The keys are in the database, encrypted with the deployment key: no master key in plain text.
        var keys = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml);
            Assert.DoesNotContain("masterKey", xml);
        });
    }
}
