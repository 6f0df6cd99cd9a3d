using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Admin;

public sealed class DevicesPageTests
{
    [Fact]
    public async Task An_admin_issues_a_key_that_works_until_it_is_revoked()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        await using var app = new BorgerpulsApp(database);
        var admin = await app.SignedInClientAsync(Roles.Admin);

        var added = await admin.PostAsync("/admin/devices?handler=Add", await StaffLogin.FormAsync(admin, "/admin/devices",
            new() { ["name"] = "Udgang", ["channel"] = "Kiosk", ["site"] = "torvet", ["instrument"] = "smiley" }));
        var key = Regex.Match(await added.Content.ReadAsStringAsync(), "data-testid=\"device-key\">([^<]+)<").Groups[1].Value;
        Assert.NotEmpty(key);
        Assert.DoesNotContain(key, await admin.GetStringAsync("/admin/devices"));

        var kiosk = app.CreateClient();
        kiosk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", key);
        object Press() => new { id = Guid.NewGuid(), instrument = "smiley", answeredAt = DateTimeOffset.Now, answers = new Dictionary<string, string> { ["besoeg"] = "4" } };
        Assert.Equal(HttpStatusCode.Created, (await kiosk.PostAsJsonAsync("/api/v1/responses", Press())).StatusCode);

        await using (var db = database.Open())
        {
            var id = await db.Devices.Select(d => d.Id).SingleAsync();
            var revoked = await admin.PostAsync("/admin/devices?handler=Revoke", await StaffLogin.FormAsync(admin, "/admin/devices", new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
            Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "device.revoke"));
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await kiosk.PostAsJsonAsync("/api/v1/responses", Press())).StatusCode);
    }
}
