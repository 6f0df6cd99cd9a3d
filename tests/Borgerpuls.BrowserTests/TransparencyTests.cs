using Microsoft.Playwright;

namespace Borgerpuls.BrowserTests;

public sealed class TransparencyTests
{
    /// <summary>An analyst previews and publishes; a citizen without sign-in then reads the page on a phone, which passes
    /// axe's WCAG 2.1 A/AA rules, as does the analyst's page with its preview.</summary>
    [Fact]
    public async Task A_published_page_is_readable_without_sign_in_on_a_phone_and_both_pages_pass_axe()
    {
        await using var server = await RunningServer.StartAsync(demoResponses: 2000, withAdmin: true);
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1100 }, BypassCSP = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Url + "/login?returnUrl=/transparency");
        await page.FillAsync("#email", RunningServer.AdminEmail);
        await page.FillAsync("#password", RunningServer.AdminPassword);
        await page.ClickAsync("form:has(#email) button[type=submit]");
        await page.WaitForURLAsync("**/transparency");
        var anonymous = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, BypassCSP = true });
        var citizen = await anonymous.NewPageAsync();
        Assert.Equal(404, (await citizen.GotoAsync(server.Url + "/offentlig/aabaek"))!.Status);

        await page.SelectOptionAsync("#instrument", "vive-7");
        await page.ClickAsync("form:has(#instrument) button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=snapshot]");
        Assert.Empty(await Accessibility.SeriousViolationsAsync(page));
        await page.ClickAsync("[data-testid=publish]");
        await page.WaitForSelectorAsync("[data-testid=done]");

        Assert.Equal(200, (await citizen.GotoAsync(server.Url + "/offentlig/aabaek"))!.Status);
        Assert.Contains("svarede positivt – med stor sandsynlighed mellem", await citizen.InnerTextAsync("main"));
        Assert.Empty(await Accessibility.SeriousViolationsAsync(citizen));
        Assert.Empty(await Accessibility.SmallTouchTargetsAsync(citizen));
        // Nothing wider than the phone's screen.
        Assert.True(await citizen.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await RunningServer.DocumentationScreenshotAsync(citizen, "transparency-phone.png");
    }
}
