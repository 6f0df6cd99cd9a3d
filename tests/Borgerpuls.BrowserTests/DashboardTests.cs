using Microsoft.Playwright;

namespace Borgerpuls.BrowserTests;

public sealed class DashboardTests
{
    private static readonly string[] Charts = ["bars", "trend", "priority-map", "compare"];

    [Fact]
    public async Task Every_chart_renders_a_filter_changes_the_figures_suppression_shows_and_the_page_is_accessible()
    {
        await using var server = await RunningServer.StartAsync(demoResponses: 4000, withAdmin: true);
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var errors = RunningServer.ConsoleErrors(page);

        await server.SignInAsync(page, "/dashboard");

        foreach (var chart in Charts)
        {
            var image = page.Locator($"figure[data-chart='{chart}'] img");
            await image.ScrollIntoViewIfNeededAsync();
            await page.WaitForFunctionAsync("el => el.complete && el.naturalWidth > 0", await image.ElementHandleAsync());
            Assert.Equal(1, await page.Locator($"table[data-table='{chart}']").CountAsync());
        }
        // The default instrument (VIVE-7) is not asked at kiosks: the heat map belongs to the smiley instrument's view.
        Assert.Equal(0, await page.Locator("figure[data-chart='heat-map']").CountAsync());
        var kioskPage = await context.NewPageAsync();
        await kioskPage.GotoAsync(server.Url + "/dashboard?instrument=smiley");
        var heat = kioskPage.Locator("figure[data-chart='heat-map'] img");
        await heat.ScrollIntoViewIfNeededAsync();
        await kioskPage.WaitForFunctionAsync("el => el.complete && el.naturalWidth > 0", await heat.ElementHandleAsync());
        Assert.Equal(1, await kioskPage.Locator("table[data-table='heat-map']").CountAsync());
        await kioskPage.CloseAsync();
        var all = await page.InnerTextAsync("[data-testid=respondents]");

        await page.SelectOptionAsync("select[name=targetGroupSet]", "udsatte");
        await Task.WhenAll(
            page.WaitForURLAsync(url => url.Contains("targetGroupSet=udsatte", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            page.ClickAsync("form.dashboard-filters button[type=submit]"));
        var vulnerable = await page.InnerTextAsync("[data-testid=respondents]");
        Assert.NotEqual(all, vulnerable);
        Assert.True(ParseCount(vulnerable) < ParseCount(all), $"{vulnerable} is not fewer than {all}");

        // axe is injected as a script, which the page's CSP rightly forbids: check in a second context that bypasses it, so
        // that this one still reports any CSP violation of the page itself as a console error.
        var axeContext = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, BypassCSP = true, StorageState = await context.StorageStateAsync() });
        var axePage = await axeContext.NewPageAsync();
        await axePage.GotoAsync(page.Url);
        Assert.Empty(await SeriousAccessibilityViolationsAsync(axePage));
        await axeContext.DisposeAsync();
        await page.SelectOptionAsync("select[name=targetGroupSet]", "");
        await Task.WhenAll(
            page.WaitForURLAsync(url => !url.Contains("targetGroupSet=udsatte", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            page.ClickAsync("form.dashboard-filters button[type=submit]"));
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('figure.chart img')].every(i => i.complete && i.naturalWidth > 0)");
        await page.ScreenshotAsync(new() { Path = RunningServer.ArtifactPath("dashboard.png"), FullPage = true });
        if (DocsScreenshots() is { } docs)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(docs, "dashboard.png"), FullPage = true });
        }

        // Groups A and B are picked by name; another pair gives other figures in the comparison.
        var a = page.Locator("select[name=a] option");
        Assert.True(await a.CountAsync() >= 2);
        Assert.NotEqual(await a.Nth(0).GetAttributeAsync("value"), (await a.Nth(0).InnerTextAsync()).Trim());
        var compared = await page.TextContentAsync("table[data-table='compare']");
        Assert.False(string.IsNullOrWhiteSpace(compared));
        var last = await a.Nth(await a.CountAsync() - 1).GetAttributeAsync("value");
        var first = await a.Nth(0).GetAttributeAsync("value");
        await page.SelectOptionAsync("select[name=a]", last!);
        await page.SelectOptionAsync("select[name=b]", first!);
        await Task.WhenAll(
            page.WaitForURLAsync(url => url.Contains("a=" + last, StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            page.ClickAsync("form.dashboard-filters button[type=submit]"));
        Assert.NotEqual(compared, await page.TextContentAsync("table[data-table='compare']"));
        Assert.Equal(last, await page.InputValueAsync("select[name=a]"));

        // Periods are offered as quarters in Danish.
        await page.SelectOptionAsync("select[name=compareBy]", "period");
        await page.SelectOptionAsync("select[name=period]", "quarter");
        await Task.WhenAll(
            page.WaitForURLAsync(url => url.Contains("compareBy=period", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            page.ClickAsync("form.dashboard-filters button[type=submit]"));
        Assert.Matches(@"^[1-4]\. kvt\. \d{4}$", (await page.Locator("select[name=b] option:checked").InnerTextAsync()).Trim());
        Assert.Matches(@"\d\. kvt\. \d{4}", await page.TextContentAsync("table[data-table='compare']") ?? "");

        // The drill-down path names the job centre chosen, not its key.
        var centre = page.Locator("select[name=jobcentre] option").Nth(1);
        var (centreKey, centreName) = (await centre.GetAttributeAsync("value"), (await centre.InnerTextAsync()).Trim());
        await page.SelectOptionAsync("select[name=jobcentre]", centreKey!);
        await Task.WhenAll(
            page.WaitForURLAsync(url => url.Contains("jobcentre=" + centreKey, StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            page.ClickAsync("form.dashboard-filters button[type=submit]"));
        var crumbs = await page.InnerTextAsync("nav.crumbs");
        Assert.Contains(centreName, crumbs, StringComparison.Ordinal);
        Assert.DoesNotContain(centreKey!, crumbs, StringComparison.Ordinal);
        var pickedContext = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, BypassCSP = true, StorageState = await context.StorageStateAsync() });
        var pickedPage = await pickedContext.NewPageAsync();
        await pickedPage.GotoAsync(page.Url);
        Assert.Empty(await SeriousAccessibilityViolationsAsync(pickedPage));
        await pickedContext.DisposeAsync();

        // A month without answers: the anonymity threshold hides every figure, and says so.
        await page.GotoAsync(server.Url + "/dashboard?from=2001-01&to=2001-01");
        Assert.StartsWith("færre end", await page.InnerTextAsync("[data-testid=respondents]"));
        Assert.True(await page.Locator("[data-testid=respondents].suppressed").IsVisibleAsync());

        Assert.Empty(errors);
        await context.DisposeAsync();
    }

    private static long ParseCount(string text) => long.Parse(text.Replace(".", "", StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync(IPage page)
    {
        var axe = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "node_modules", "axe-core", "axe.min.js");
        await page.AddScriptTagAsync(new() { Path = Path.GetFullPath(axe) });
        return await page.EvaluateAsync<string[]>("""
            async () => (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })).violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.help + ' ' + v.nodes.map(n => n.target.join(' ')).join(', '))
            """);
    }

    /// <summary>docs/screenshots of the repository the test runs from, when it can be found.</summary>
    private static string? DocsScreenshots()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Borgerpuls.slnx")))
            {
                var docs = Path.Combine(dir.FullName, "docs", "screenshots");
                Directory.CreateDirectory(docs);
                return docs;
            }
        }
        return null;
    }
}
