using Microsoft.Playwright;

namespace Borgerpuls.BrowserTests;

public sealed class TabletTests
{
    [Fact]
    public async Task Staff_pick_the_meeting_the_citizen_answers_and_the_next_citizen_sees_an_empty_form()
    {
        await using var server = await RunningServer.StartAsync();
        var key = (await RunningServer.CliAsync("device", "add", "--site", "nordvej", "--instrument", "borgeroplevelse-5", "--name", "Tablet 1", "--channel", "tablet", "--db", server.Database)).Trim().Split('\n')[^1].Trim();
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 820, Height = 1180 }, HasTouch = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Url + "/tablet?site=nordvej");
        await page.FillAsync("#device-key", key);
        await page.ClickAsync("#setup-form button");

        await page.SelectOptionAsync("#unit", "jobafklaring-team");
        await page.SelectOptionAsync("#target-group", "jobafklaring");
        await page.SelectOptionAsync("#meeting-type", "opfoelgning");

        // The citizen before this one did not want to answer: one tap, recorded with the context and nothing else.
        await page.ClickAsync("#declined");
        await page.WaitForSelectorAsync("#declined-noted:not([hidden])");
        for (var i = 0; i < 100 && server.Count("SELECT COUNT(*) FROM DeclinedHandOvers") == 0; i++) await Task.Delay(200);
        Assert.Equal(1, server.Count("""
            SELECT COUNT(*) FROM DeclinedHandOvers d JOIN TargetGroups t ON t.Id = d.TargetGroupId JOIN Units u ON u.Id = d.UnitId
            WHERE d.Channel = 'Tablet' AND t.Key = 'jobafklaring' AND u.Key = 'jobafklaring-team' AND d.MeetingType = 'opfoelgning'
            """));
        await page.ClickAsync("#context-form button[type=submit]");
        await page.ScreenshotAsync(new() { Path = RunningServer.ArtifactPath("tablet.png") });
        await page.CheckAsync("input[name='a.hoert'][value='2']");
        await page.CheckAsync("input[name='a.forskel'][value='ved-ikke']");
        await page.FillAsync("textarea[name='a.kommentar']", "Jeg fik ny sagsbehandler igen");
        await page.ClickAsync("#answers button.submit");
        await page.WaitForSelectorAsync("#thanks:not([hidden])");

        for (var i = 0; i < 100 && server.Count("SELECT COUNT(*) FROM Responses") == 0; i++) await Task.Delay(200);
        Assert.Equal(1, server.Count("""
            SELECT COUNT(*) FROM Responses r JOIN TargetGroups t ON t.Id = r.TargetGroupId JOIN Units u ON u.Id = r.UnitId
            WHERE r.Channel = 'Tablet' AND t.Key = 'jobafklaring' AND u.Key = 'jobafklaring-team' AND r.MeetingType = 'opfoelgning'
              AND r.Answers LIKE '%"hoert":["2"]%' AND r.Answers LIKE '%ved-ikke%'
            """));
        Assert.Equal(1, server.Count("SELECT COUNT(*) FROM Comments WHERE Text = 'Jeg fik ny sagsbehandler igen'"));

        await page.ClickAsync("#next");
        await page.ClickAsync("#context-form button[type=submit]");
        Assert.False(await page.IsCheckedAsync("input[name='a.hoert'][value='2']"));
        Assert.Equal("", await page.InputValueAsync("textarea[name='a.kommentar']"));
        await context.DisposeAsync();
    }

    /// <param name="axe">Lets the test inject axe-core, which the page's Content Security Policy would block.</param>
    private static async Task<(IBrowserContext Context, IPage Page)> OpenTabletAsync(RunningServer server, bool axe = false)
    {
        var key = await DeviceKeys.AddAsync(server, "nordvej", "borgeroplevelse-5", "Tablet 1", "tablet");
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 820, Height = 1180 }, HasTouch = true, BypassCSP = axe });
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Url + "/tablet?site=nordvej");
        await page.FillAsync("#device-key", key);
        await page.ClickAsync("#setup-form button");
        await page.WaitForSelectorAsync("#staff:not([hidden])");
        return (context, page);
    }

    private static async Task HandOverAsync(IPage page)
    {
        await page.SelectOptionAsync("#target-group", "jobafklaring");
        await page.ClickAsync("#context-form button[type=submit]");
        await page.WaitForSelectorAsync("#citizen:not([hidden])");
    }


    [Fact]
    public async Task Sending_nothing_queues_nothing_and_says_so_in_the_citizens_language_and_a_valid_answer_after_it_is_stored()
    {
        await using var server = await RunningServer.StartAsync();
        var (context, page) = await OpenTabletAsync(server);
        await HandOverAsync(page);
        await page.ClickAsync(".languages button[data-lang='uk']");

        await page.ClickAsync("#answers button.submit");
        await page.WaitForSelectorAsync("#nothing-sent:not([hidden])");
        Assert.StartsWith("Ви нічого не відповіли", await page.TextContentAsync("#nothing-sent p"));
        Assert.Null(await page.GetAttributeAsync("#nothing-sent p", "lang"));
        Assert.True(await page.IsVisibleAsync("#citizen"));
        Assert.Equal(0, await page.EvaluateAsync<long>("KioskQueue.count()"));

        await page.CheckAsync("input[name='a.hoert'][value='4']");
        await page.ClickAsync("#answers button.submit");
        await page.WaitForSelectorAsync("#thanks:not([hidden])");
        await Wait.UntilAsync(() => server.Count("SELECT COUNT(*) FROM Responses") == 1);
        Assert.Equal(1, server.Count("SELECT COUNT(*) FROM Responses WHERE Channel = 'Tablet' AND Language = 'uk' AND Answers LIKE '%\"hoert\":[\"4\"]%'"));
        for (var i = 0; i < 50 && await page.EvaluateAsync<long>("KioskQueue.count()") > 0; i++) await Task.Delay(200);
        Assert.Equal(0, await page.EvaluateAsync<long>("KioskQueue.count()"));
        Assert.Equal(0, await page.EvaluateAsync<long>("KioskQueue.rejectedCount()"));

        // Back to staff in the tablet's language; the next citizen who sends nothing can record that they did not want to answer.
        await page.ClickAsync("#next");
        await HandOverAsync(page);
        Assert.Equal("da", await page.GetAttributeAsync("#citizen-area", "lang"));
        Assert.True(await page.IsHiddenAsync("#nothing-sent"));
        await page.ClickAsync("#answers button.submit");
        await page.ClickAsync("#record-declined");
        await page.WaitForSelectorAsync("#thanks:not([hidden])");
        await Wait.UntilAsync(() => server.Count("SELECT COUNT(*) FROM DeclinedHandOvers") == 1);
        Assert.Equal(1, server.Count("SELECT COUNT(*) FROM Responses"));
        await context.DisposeAsync();
    }

    [Fact]
    public async Task The_tablet_works_offline_after_a_reload_and_delivers_when_the_network_returns()
    {
        await using var server = await RunningServer.StartAsync();
        var (context, page) = await OpenTabletAsync(server);
        await page.WaitForSelectorAsync("html[data-offline-ready='true']");
        var units = await page.Locator("#unit option").AllTextContentsAsync();

        await context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await HandOverAsync(page);
        Assert.Equal(units, await page.Locator("#unit option").AllTextContentsAsync()); // this site's units: the page as it was loaded
        await page.CheckAsync("input[name='a.faelles'][value='5']");
        await page.ClickAsync("#answers button.submit");
        await page.WaitForSelectorAsync("#thanks:not([hidden])");
        Assert.Equal(1, await page.EvaluateAsync<long>("KioskQueue.count()"));
        Assert.Equal(0, server.Count("SELECT COUNT(*) FROM Responses"));

        await context.SetOfflineAsync(false);
        await page.EvaluateAsync("window.dispatchEvent(new Event('online'))");
        await Wait.UntilAsync(() => server.Count("SELECT COUNT(*) FROM Responses") == 1);
        Assert.Equal(1, server.Count("SELECT COUNT(*) FROM Responses WHERE Channel = 'Tablet' AND Answers LIKE '%\"faelles\":[\"5\"]%'"));
        await context.DisposeAsync();
    }

    [Fact]
    public async Task A_mistyped_tablet_key_is_not_saved()
    {
        await using var server = await RunningServer.StartAsync();
        var key = await DeviceKeys.AddAsync(server, "nordvej", "borgeroplevelse-5", "Tablet 1", "tablet");
        var context = await server.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Url + "/tablet");
        // One character wrong (never the same character: a key that starts with "x" would otherwise stay right).
        await page.FillAsync("#device-key", (key[0] == 'x' ? "y" : "x") + key[1..]);
        await page.ClickAsync("#setup-form button");
        await page.WaitForSelectorAsync("#setup-result.error");
        Assert.True(await page.IsVisibleAsync("#setup"));
        Assert.Null(await page.EvaluateAsync<string?>("localStorage.getItem('borgerpuls.deviceKey')"));

        await page.FillAsync("#device-key", key);
        await page.ClickAsync("#setup-form button");
        await page.WaitForSelectorAsync("#staff:not([hidden])");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Tablet 1");
        await context.DisposeAsync();
    }

    [Theory]
    [InlineData("da")]
    [InlineData("ar")]
    public async Task The_citizen_screen_passes_axe_in_danish_and_arabic(string language)
    {
        await using var server = await RunningServer.StartAsync();
        var (context, page) = await OpenTabletAsync(server, axe: true);
        await HandOverAsync(page);
        await page.ClickAsync($".languages button[data-lang='{language}']");
        Assert.Equal(language == "ar" ? "rtl" : "ltr", await page.GetAttributeAsync("#citizen-area", "dir"));
        Assert.Empty(await Accessibility.SeriousViolationsAsync(page));
        Assert.Empty(await Accessibility.SmallTouchTargetsAsync(page));
        await page.ScreenshotAsync(new() { Path = RunningServer.ArtifactPath($"tablet-{language}.png"), FullPage = true });
        await context.DisposeAsync();
    }
}
