using System.Net;
using System.Text.RegularExpressions;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Admin;

public sealed partial class UsersPageTests
{
    [Fact]
    public async Task Lock_locks_the_account_until_unlock_and_each_step_is_confirmed_and_audited()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var admin = await app.SignedInClientAsync(Roles.Admin);
        var analyst = await app.CreateUserAsync(Roles.Analyst);
        var id = await StaffLogin.UserIdAsync(database, analyst);

        var locked = await admin.PostAsync("/admin/users?handler=Lock", await StaffLogin.FormAsync(admin, "/admin/users", new() { ["id"] = id }));
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        var page = await admin.GetStringAsync("/admin/users");
        Assert.Contains($"{analyst} er låst og kan ikke logge ind", page);
        Assert.Contains($"aria-label=\"Lås {analyst} op\"", page);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app, analyst)).StatusCode); // the form again: refused

        await using (var db = database.Open())
        {
            var user = await db.Users.SingleAsync(u => u.Email == analyst);
            Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow.AddYears(100));
            Assert.Equal(["user.lock"], await db.AuditEntries.Where(a => a.Details == analyst).Select(a => a.Action).ToListAsync());
        }

        var unlocked = await admin.PostAsync("/admin/users?handler=Unlock", await StaffLogin.FormAsync(admin, "/admin/users", new() { ["id"] = id }));
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.Contains($"{analyst} er låst op og kan logge ind igen.", await admin.GetStringAsync("/admin/users"));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(app, analyst)).StatusCode);
        await using (var db = database.Open())
        {
            Assert.Equal(["user.lock", "user.unlock"], await db.AuditEntries.Where(a => a.Details == analyst).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        }
    }

    [Fact]
    public async Task An_administrator_cannot_lock_themselves_nor_remove_the_last_administrator()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var admin = await app.SignedInClientAsync(Roles.Admin);
        string me;
        await using (var db0 = database.Open())
        {
            me = (await db0.Users.SingleAsync()).Id;
        }

        // No lock button on one's own row, and a hand-made request is refused in words.
        Assert.DoesNotContain("aria-label=\"Lås admin-", await admin.GetStringAsync("/admin/users"));
        var self = await admin.PostAsync("/admin/users?handler=Lock", await StaffLogin.FormAsync(admin, "/admin/users", new() { ["id"] = me }));
        Assert.Contains("Du kan ikke låse din egen konto.", await self.Content.ReadAsStringAsync());

        var demote = await admin.PostAsync("/admin/users?handler=Role", await StaffLogin.FormAsync(admin, "/admin/users", new() { ["id"] = me, ["role"] = Roles.Analyst }));
        Assert.Contains("Der skal være mindst én aktiv administrator", await demote.Content.ReadAsStringAsync());

        // With a second, unlocked administrator the first may step down.
        await app.CreateUserAsync(Roles.Admin);
        var stepDown = await admin.PostAsync("/admin/users?handler=Role", await StaffLogin.FormAsync(admin, "/admin/users", new() { ["id"] = me, ["role"] = Roles.Analyst }));
        Assert.Equal(HttpStatusCode.Redirect, stepDown.StatusCode);
        await using var db = database.Open();
        Assert.False(await db.Users.AnyAsync(u => u.Id == me && u.LockoutEnd != null));
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == "user.lock"));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "user.role"));
    }

    [Fact]
    public async Task A_new_user_is_a_committee_member_unless_chosen_otherwise_and_job_centres_are_picked_by_name()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var admin = await app.SignedInClientAsync(Roles.Admin);

        var page = await admin.GetStringAsync("/admin/users");
        var create = page[page.IndexOf("id=\"new-role\"", StringComparison.Ordinal)..];
        Assert.Matches("<option value=\"committee\" selected=\"selected\">Udvalgsmedlem</option>", create[..create.IndexOf("</select>", StringComparison.Ordinal)]);
        Assert.Contains("value=\"jc-nord\" /> Jobcenter Aabæk Nord</label>", create);

        var created = await admin.PostAsync("/admin/users?handler=Create", await StaffLogin.FormOfPairsAsync(admin, "/admin/users",
            ("email", "leder@kommune.dk"), ("password", StaffLogin.Password), ("role", Roles.Manager), ("jobCentres", "jc-nord"), ("jobCentres", "jc-syd")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var list = await admin.GetStringAsync("/admin/users");
        Assert.Contains("leder@kommune.dk er oprettet som Leder/medarbejder.", list);
        var row = RowPattern().Match(list[list.IndexOf("data-user=\"leder@kommune.dk\"", StringComparison.Ordinal)..]).Value;
        Assert.Contains("<td>Jobcenter Aabæk Nord, Jobcenter Aabæk Syd</td>", row);
        Assert.Contains("value=\"jc-nord\" checked=\"checked\"", row);
        Assert.DoesNotContain("value=\"jc-centrum\" checked", row);
        await using var db = database.Open();
        var leader = await db.Users.SingleAsync(u => u.Email == "leder@kommune.dk");
        Assert.Equal(["jc-nord", "jc-syd"], await db.UserClaims.Where(c => c.UserId == leader.Id && c.ClaimType == BorgerpulsClaims.JobCentre)
            .OrderBy(c => c.ClaimValue).Select(c => c.ClaimValue!).ToListAsync());
        Assert.Contains("leder@kommune.dk as manager (jc-nord,jc-syd)", await db.AuditEntries.Where(a => a.Action == "user.create").Select(a => a.Details!).ToListAsync());

        // Jobcenter Aabæk Syd is retired: no longer offered for a new user, but still ticked for the leader who has it.
        (await db.JobCentres.SingleAsync(j => j.Key == "jc-syd")).RetiredAt = DateTime.UtcNow;
        await db.SaveChangesAsync();
        list = await admin.GetStringAsync("/admin/users");
        row = RowPattern().Match(list[list.IndexOf("data-user=\"leder@kommune.dk\"", StringComparison.Ordinal)..]).Value;
        Assert.Contains("value=\"jc-syd\" checked=\"checked\"", row);
        Assert.Contains("<td>Jobcenter Aabæk Nord, Jobcenter Aabæk Syd</td>", row);
        var offered = list[list.IndexOf("id=\"new-role\"", StringComparison.Ordinal)..];
        Assert.DoesNotContain("value=\"jc-syd\"", offered);
        Assert.Contains("value=\"jc-nord\"", offered);
        var refused = await admin.PostAsync("/admin/users?handler=Create", await StaffLogin.FormOfPairsAsync(admin, "/admin/users",
            ("email", "ny@kommune.dk"), ("password", StaffLogin.Password), ("role", Roles.Manager), ("jobCentres", "jc-syd")));
        Assert.Contains("Jobcentret »Jobcenter Aabæk Syd« er taget ud af brug og kan ikke gives til en bruger.", await refused.Content.ReadAsStringAsync());
        Assert.False(await db.Users.AnyAsync(u => u.Email == "ny@kommune.dk"));
    }

    [Fact]
    public async Task Questionnaires_campaigns_sites_and_target_groups_are_listed_by_name()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var admin = await app.SignedInClientAsync(Roles.Admin);

        var import = await admin.GetStringAsync("/import");
        Assert.Contains("<option value=\"smiley\">Smileystander</option>", import);
        var devices = await admin.GetStringAsync("/admin/devices");
        Assert.Contains("<option value=\"smiley\">Smileystander</option>", devices);
        Assert.Contains("<option value=\"torvet\">Torvet</option>", devices);
        var paper = await admin.GetStringAsync("/paper?Instrument=smiley&Jobcentre=jc-centrum");
        Assert.Contains("<option value=\"smiley\" selected=\"selected\">Smileystander</option>", paper);
        Assert.Contains("<option value=\"jobparat\">Jobparate</option>", paper);
        Assert.Contains("<option value=\"sjaellandsgade\">Sjællandsgade</option>", paper);
        Assert.DoesNotContain("<option value=\"nordvej\"", paper); // another centre's site
    }

    [Fact]
    public async Task The_audit_log_names_each_action_in_Danish_at_Danish_local_time()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var admin = await app.SignedInClientAsync(Roles.Admin);
        await using (var db = database.Open())
        {
            // 30 June 2026 10:15:07 UTC is 12:15:07 in Copenhagen (summer time).
            db.AuditEntries.Add(new Borgerpuls.Domain.AuditEntry { At = new DateTime(2026, 6, 30, 10, 15, 7, DateTimeKind.Utc), Actor = "a@kommune.dk", Action = "user.lock", Details = "b@kommune.dk" });
            await db.SaveChangesAsync();
        }
        var page = await admin.GetStringAsync("/admin/audit");
        Assert.Contains("<td>30.06.2026 12:15:07</td>", page);
        Assert.Contains("Bruger låst <br /><code>user.lock</code>", page);
        Assert.Contains("Logget ind <br /><code>signin</code>", page);
    }

    private static async Task<HttpResponseMessage> SignInAsync(BorgerpulsApp app, string email)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        return await client.PostAsync("/login", await StaffLogin.FormAsync(client, "/login", new() { ["email"] = email, ["password"] = StaffLogin.Password }));
    }

    [GeneratedRegex("data-user=.*?(?=</tr>)", RegexOptions.Singleline)]
    private static partial Regex RowPattern();
}
