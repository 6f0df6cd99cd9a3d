namespace Borgerpuls.BrowserTests;

public sealed class CampaignFormTests
{
    /// <summary>A web campaign made in the browser shows its QR code as an image the site's content security policy lets
    /// through, with its link beside it; and prints as a poster without the form.</summary>
    [Fact]
    public async Task A_web_campaign_shows_its_qr_code_and_prints_without_the_form()
    {
        await using var server = await RunningServer.StartAsync(withAdmin: true);
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1300 } });
        var page = await context.NewPageAsync();
        var errors = RunningServer.ConsoleErrors(page);
        await server.SignInAsync(page, "/campaigns");

        await page.SelectOptionAsync("#new-instrument", "brugerundersoegelse-15");
        await page.ClickAsync("form:has(#new-instrument) button[type=submit]");
        await page.WaitForURLAsync("**/campaigns/edit?instrument=brugerundersoegelse-15");
        await page.FillAsync("#name", "Venteværelset på Nordvej");
        await page.SelectOptionAsync("#channel", "Web");
        await page.SelectOptionAsync("#unit", "jobafklaring-team");
        await page.FillAsync("#ends", DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.CheckAsync("input[name=TargetGroups][value=jobafklaring]");
        await page.SelectOptionAsync("#status", "Open");
        await page.ClickAsync("form.form button[type=submit]");
        await page.WaitForURLAsync("**/campaigns");
        await page.WaitForSelectorAsync("[data-testid=campaigns-done]");
        Assert.Equal(1, server.Count("SELECT COUNT(*) FROM Campaigns WHERE Key = 'ventevaerelset-paa-nordvej'"));
        await RunningServer.DocumentationScreenshotAsync(page, "campaigns.png");

        await page.ClickAsync("a[aria-label*='Venteværelset på Nordvej']");
        await page.WaitForSelectorAsync("[data-testid=campaign-link] img.qr");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('img.qr').naturalWidth > 0"));
        Assert.EndsWith("/s/ventevaerelset-paa-nordvej", await page.InnerTextAsync("[data-testid=campaign-link] code"));
        Assert.Empty(errors); // the image and the print script passed the site's own content security policy
        await RunningServer.DocumentationScreenshotAsync(page, "campaigns-edit.png");
        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
        Assert.False(await page.Locator("form.form").IsVisibleAsync());
        Assert.True(await page.Locator("img.qr").IsVisibleAsync());

        // axe is injected as a script of its own, which the policy rightly refuses: checked in a second, signed-in context.
        var checking = await server.Browser.NewContextAsync(new() { BypassCSP = true, StorageState = await context.StorageStateAsync() });
        var check = await checking.NewPageAsync();
        foreach (var path in new[] { "/campaigns", new Uri(page.Url).PathAndQuery })
        {
            await check.GotoAsync(server.Url + path);
            Assert.Empty(await Accessibility.SeriousViolationsAsync(check));
        }
        await checking.DisposeAsync();
        await context.DisposeAsync();
    }
}
