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

    [Fact]
    public async Task A_new_key_replaces_the_old_one_at_once_and_a_revoked_device_gets_none()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        await using var app = new BorgerpulsApp(database);
        var admin = await app.SignedInClientAsync(Roles.Admin);
        var added = await admin.PostAsync("/admin/devices?handler=Add", await StaffLogin.FormAsync(admin, "/admin/devices",
            new() { ["name"] = "Udgang", ["channel"] = "Kiosk", ["site"] = "torvet", ["instrument"] = "smiley" }));
        var oldKey = Regex.Match(await added.Content.ReadAsStringAsync(), "data-testid=\"device-key\">([^<]+)<").Groups[1].Value;
        HttpClient Kiosk(string key)
        {
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", key);
            return client;
        }
        object Press() => new { id = Guid.NewGuid(), instrument = "smiley", answeredAt = DateTimeOffset.Now, answers = new Dictionary<string, string> { ["besoeg"] = "4" } };
        Assert.Equal(HttpStatusCode.Created, (await Kiosk(oldKey).PostAsJsonAsync("/api/v1/responses", Press())).StatusCode);
        int id;
        await using (var db = database.Open()) id = await db.Devices.Select(d => d.Id).SingleAsync();
        var form = new Dictionary<string, string> { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) };

        var rotated = await admin.PostAsync("/admin/devices?handler=Rotate", await StaffLogin.FormAsync(admin, "/admin/devices", form));
        var page = WebUtility.HtmlDecode(await rotated.Content.ReadAsStringAsync());
        var newKey = Regex.Match(page, "data-testid=\"device-key\">([^<]+)<").Groups[1].Value;
        Assert.Contains("»Udgang« har fået en ny nøgle.", page);
        Assert.NotEmpty(newKey);
        Assert.NotEqual(oldKey, newKey);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Kiosk(oldKey).PostAsJsonAsync("/api/v1/responses", Press())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Kiosk(newKey).PostAsJsonAsync("/api/v1/responses", Press())).StatusCode);
        await using (var db = database.Open())
        {
            // The same device, with its history: both presses count for it, and the change is audited.
            Assert.Equal(1, await db.Devices.CountAsync());
            Assert.Equal(2, await db.Responses.CountAsync());
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "device.rotate-key" && a.Details!.Contains("Udgang")));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/admin/devices?handler=Revoke", await StaffLogin.FormAsync(admin, "/admin/devices", form))).StatusCode);
        var refused = WebUtility.HtmlDecode(await (await admin.PostAsync("/admin/devices?handler=Rotate", await StaffLogin.FormAsync(admin, "/admin/devices", form))).Content.ReadAsStringAsync());
        Assert.Contains("»Udgang« er spærret; registrér enheden igen i stedet for at give den en ny nøgle.", refused);
        Assert.DoesNotContain("data-testid=\"device-key\"", refused);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Kiosk(newKey).PostAsJsonAsync("/api/v1/responses", Press())).StatusCode);
    }
}
