using System.Net;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Borgerpuls.Tests.ScaleOut;

/// <summary>The first-administrator setup link with several instances on one database: one link, stored hashed, accepted by
/// every instance, used once.</summary>
public sealed class SharedSetupLinkTests
{
    [Fact]
    public async Task Instances_started_together_issue_one_link_that_any_of_them_accepts_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var a = new BorgerpulsApp(database);
        await using var b = new BorgerpulsApp(database);
        using var warmA = a.CreateClient();
        using var warmB = b.CreateClient();

        // Both started without accounts; A was first and issued the link, B found it and issued none.
        await using (var db = database.Open())
        {
            var link = await db.SetupLinks.SingleAsync();
            Assert.Null(link.TakenAt);
            Assert.Equal(64, link.TokenHash.Length);
        }
        Assert.Null((await b.Services.GetRequiredService<SetupToken>().IssueAtStartAsync("another instance")).Token);

        // The link as A would print it (only its hash is stored): opened on A, posted to B.
        var token = await a.Services.GetRequiredService<SetupToken>().IssueAsync();
        await using (var db = database.Open())
        {
            Assert.Equal(SecretKeys.Hash(token), (await db.SetupLinks.SingleAsync()).TokenHash);
            Assert.DoesNotContain(token, (await db.SetupLinks.SingleAsync()).TokenHash);
        }
        var jar = new CookieContainer();
        using var toA = a.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(jar));
        using var toB = b.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(jar));
        Assert.Equal(HttpStatusCode.OK, (await toB.GetAsync($"/setup?token={token}")).StatusCode);
        var form = await StaffLogin.FormAsync(toA, $"/setup?token={token}", new() { ["token"] = token, ["email"] = "chef@kommune.dk", ["password"] = StaffLogin.Password });
        Assert.Equal(HttpStatusCode.Redirect, (await toB.PostAsync("/setup", form)).StatusCode);

        // Used: neither instance accepts it again, and a second post makes no second administrator.
        Assert.Equal(HttpStatusCode.NotFound, (await toA.GetAsync($"/setup?token={token}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await toB.GetAsync($"/setup?token={token}")).StatusCode);
        var again = await StaffLogin.FormAsync(toA, "/login", new() { ["token"] = token, ["email"] = "zweiter@kommune.dk", ["password"] = StaffLogin.Password });
        Assert.Equal(HttpStatusCode.NotFound, (await toA.PostAsync("/setup", again)).StatusCode);
        await using var check = database.Open();
        Assert.Equal("chef@kommune.dk", (await check.Users.SingleAsync()).Email);
        Assert.NotNull((await check.SetupLinks.SingleAsync()).TakenAt);
    }

    [Fact]
    public async Task Instances_started_together_with_a_bootstrap_administrator_all_start_and_create_one()
    {
        await using var database = await TestDatabase.CreateAsync();
        var settings = new Dictionary<string, string?> { ["Bootstrap:AdminEmail"] = "drift@kommune.dk", ["Bootstrap:AdminPassword"] = StaffLogin.Password };
        await using var a = new BorgerpulsApp(database) { Settings = new(settings) };
        await using var b = new BorgerpulsApp(database) { Settings = new(settings) };
        await using var c = new BorgerpulsApp(database) { Settings = new(settings) };

        await Task.WhenAll(Task.Run(() => a.CreateClient()), Task.Run(() => b.CreateClient()), Task.Run(() => c.CreateClient()));

        await using var db = database.Open();
        Assert.Equal("drift@kommune.dk", (await db.Users.SingleAsync()).Email);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "user.bootstrap"));
        Assert.Equal(Roles.Staff.Length, await db.Roles.CountAsync());
        Assert.Empty(await db.SetupLinks.ToListAsync());
    }

    [Fact]
    public async Task A_weak_password_gives_the_link_back_for_a_second_try_on_another_instance()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var a = new BorgerpulsApp(database);
        await using var b = new BorgerpulsApp(database);
        var token = await a.Services.GetRequiredService<SetupToken>().IssueAsync();
        var jar = new CookieContainer();
        using var toA = a.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(jar));
        using var toB = b.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(jar));

        var weak = await toA.PostAsync("/setup", await StaffLogin.FormAsync(toA, $"/setup?token={token}", new() { ["token"] = token, ["email"] = "chef@kommune.dk", ["password"] = "kort" }));
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        var strong = await toB.PostAsync("/setup", await StaffLogin.FormAsync(toB, $"/setup?token={token}", new() { ["token"] = token, ["email"] = "chef@kommune.dk", ["password"] = StaffLogin.Password }));
        Assert.Equal(HttpStatusCode.Redirect, strong.StatusCode);
    }
}
