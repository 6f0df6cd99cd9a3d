using Microsoft.Playwright;

namespace Borgerpuls.BrowserTests;

public sealed class TargetFormTests
{
    /// <summary>The preview follows the form as it is typed (no button, no reload) and saving keeps what the preview showed.</summary>
    [Fact]
    public async Task The_preview_follows_the_threshold_as_it_is_typed_and_the_target_is_saved_once()
    {
        await using var server = await RunningServer.StartAsync(demoResponses: 2000, withAdmin: true);
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1100 } });
        var page = await context.NewPageAsync();
        var errors = RunningServer.ConsoleErrors(page);
        await server.SignInAsync(page, "/targets");

        await page.SelectOptionAsync("#new-instrument", "vive-7");
        await page.ClickAsync("form:has(#new-instrument) button[type=submit]");
        await page.WaitForURLAsync("**/targets/edit?instrument=vive-7");
        // With script the preview needs no button; until the form is filled in it says what is missing.
        Assert.False(await page.Locator("[data-testid=preview-button]").IsVisibleAsync());
        await page.WaitForSelectorAsync("#target-preview [data-testid=preview-problems]");

        await page.FillAsync("#name", "Samtalen, alle borgere");
        await page.SelectOptionAsync("#question", "samtale");
        await page.FillAsync("#threshold", "0");
        await page.WaitForSelectorAsync("#target-preview .tile.met");
        var value = await page.InnerTextAsync("#target-preview [data-testid=preview-value]");
        Assert.EndsWith("pct.", value);
        await page.FillAsync("#threshold", "100");
        await page.WaitForSelectorAsync("#target-preview .tile.not-met");
        Assert.Equal(value, await page.InnerTextAsync("#target-preview [data-testid=preview-value]"));
        await page.FillAsync("#threshold", "68");
        await page.WaitForFunctionAsync("() => document.querySelector('#target-preview').textContent.includes('68 pct.')");

        await page.ClickAsync("#target-form button[type=submit]:not([data-testid])");
        await page.WaitForURLAsync("**/targets");
        await page.WaitForSelectorAsync("[data-testid=targets-done]");
        Assert.Equal(1, server.Count("SELECT COUNT(*) FROM Targets WHERE Name = 'Samtalen, alle borgere' AND Threshold = 0.68"));
        Assert.Empty(errors); // the script ran under the site's own content security policy

        // axe is injected as a script of its own, which the policy rightly refuses: checked in a second, signed-in context.
        var checking = await server.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 1280, Height = 1100 }, BypassCSP = true, StorageState = await context.StorageStateAsync(),
        });
        var check = await checking.NewPageAsync();
        await check.GotoAsync(server.Url + "/targets");
        Assert.Empty(await Accessibility.SeriousViolationsAsync(check));
        await RunningServer.DocumentationScreenshotAsync(check, "targets.png");
        await check.ClickAsync("a[aria-label*='Samtalen, alle borgere']");
        await check.WaitForSelectorAsync("#target-preview .tile");
        Assert.Empty(await Accessibility.SeriousViolationsAsync(check));
        await RunningServer.DocumentationScreenshotAsync(check, "targets-edit.png");
        await checking.DisposeAsync();
        await context.DisposeAsync();
    }
}
