using System.Net;
using System.Text.RegularExpressions;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Invitations;

public sealed partial class InvitationPageTests
{
    [GeneratedRegex("data-testid=\"invitation-link\"><code>([^<]+)</code>")]
    private static partial Regex Link();

    [Fact]
    public async Task A_manager_sees_only_their_own_centre_and_gets_a_printable_qr_code_and_link()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        await using var app = new BorgerpulsApp(database);
        var manager = await app.SignedInClientAsync(Roles.Manager, "jc-nord");

        var page = await manager.GetStringAsync("/invitations/new");
        Assert.Contains("<option value=\"jc-nord\"", page);
        Assert.DoesNotContain("jc-centrum", page);
        Assert.DoesNotContain("sjaellandsgade", page);
        Assert.Contains("value=\"nordvej\"", page);

        var other = await manager.PostAsync("/invitations/new", await StaffLogin.FormAsync(manager, "/invitations/new", new()
        {
            ["instrument"] = "borgeroplevelse-5", ["jobCentre"] = "jc-centrum", ["site"] = "sjaellandsgade",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        // Each problem in the page's Danish, not the request's field names or English.
        var refused = System.Net.WebUtility.HtmlDecode(await other.Content.ReadAsStringAsync());
        Assert.Contains("<li>Du kan ikke invitere for »jc-centrum«: det er ikke et af dine jobcentre.</li>", refused);
        Assert.DoesNotContain("jobCentre:", refused);
        Assert.DoesNotContain("cannot invite", refused);
        await using (var db = database.Open())
        {
            Assert.Equal(0, await db.Invitations.CountAsync());
        }

        var created = await manager.PostAsync("/invitations/new", await StaffLogin.FormAsync(manager, "/invitations/new", new()
        {
            ["instrument"] = "borgeroplevelse-5", ["jobCentre"] = "jc-nord", ["site"] = "nordvej", ["unit"] = "jobafklaring-team",
            ["targetGroup"] = "jobafklaring", ["meetingType"] = "opfoelgning", ["validDays"] = "7", ["referredBy"] = "sagsbehandler",
        }));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var html = await created.Content.ReadAsStringAsync();
        Assert.Contains("src=\"data:image/svg+xml;base64,", html);
        var url = Link().Match(html).Groups[1].Value;
        Assert.Contains("/i/", url);

        await using var check = database.Open();
        var invitation = await check.Invitations.SingleAsync();
        Assert.Equal("opfoelgning", invitation.MeetingType);
        Assert.Equal("sagsbehandler", invitation.ReferredBy);
        Assert.Equal(invitation.MeetingDate.AddDays(7), invitation.ExpiresOn);
        Assert.Equal(await check.Units.Where(u => u.Key == "jobafklaring-team").Select(u => (int?)u.Id).SingleAsync(), invitation.UnitId);

        // The link works for the citizen, once.
        var citizen = app.CreateClient();
        Assert.Contains("Følte du dig hørt og anerkendt i dag?", await citizen.GetStringAsync(new Uri(url).AbsolutePath));
    }

    [Fact]
    public async Task Committee_members_and_anonymous_visitors_cannot_open_the_page()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new BorgerpulsApp(database);
        var committee = await app.SignedInClientAsync(Roles.Committee);
        var committeePage = await committee.GetAsync("/invitations/new");
        Assert.Equal(HttpStatusCode.Redirect, committeePage.StatusCode);
        Assert.Contains("access-denied", committeePage.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var anonymous = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/invitations/new");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/login", anonymous.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
