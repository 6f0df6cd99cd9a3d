using Microsoft.Playwright;

namespace Borgerpuls.BrowserTests;

public sealed class MenuTests
{
    /// <summary>An administrator's pages are grouped in three menus: closed they fit on one line at 1280 px, a menu opens with
    /// the keyboard alone (no script), and its links lead to the page.</summary>
    [Fact]
    public async Task A_menu_group_opens_with_the_keyboard_and_the_menu_fits_on_one_line()
    {
        await using var server = await RunningServer.StartAsync(withAdmin: true);
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 }, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Url + "/login");
        await page.FillAsync("#email", RunningServer.AdminEmail);
        await page.FillAsync("#password", RunningServer.AdminPassword);
        await page.ClickAsync("form:has(#email) button[type=submit]");
        await page.WaitForURLAsync(server.Url + "/");

        // One line: every top-level entry has the same top edge.
        var tops = await page.EvalOnSelectorAllAsync<double[]>(".topbar nav > ul > li", "items => items.map(i => i.getBoundingClientRect().top)");
        Assert.Equal(5, tops.Length); // Forside, Dashboard, Indsamling, Opfølgning, Administration
        Assert.Single(tops.Distinct());
        var targets = page.GetByRole(AriaRole.Link, new() { Name = "Måltal" });
        Assert.False(await targets.IsVisibleAsync());

        await page.Locator("summary", new() { HasText = "Opfølgning" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await targets.IsVisibleAsync());
        Assert.False(await page.GetByRole(AriaRole.Link, new() { Name = "Brugere" }).IsVisibleAsync()); // another group stays closed
        await targets.ClickAsync();
        await page.WaitForURLAsync("**/targets");
    }
}
