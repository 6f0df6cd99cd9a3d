using Microsoft.Playwright;

namespace Borgerpuls.BrowserTests;

public sealed class KioskTests
{
    private static async Task<(IBrowserContext Context, IPage Page)> OpenKioskAsync(RunningServer server)
    {
        var key = (await RunningServer.CliAsync("device", "add", "--site", "sjaellandsgade", "--instrument", "smiley", "--name", "Udgang", "--db", server.Database)).Trim().Split('\n')[^1].Trim();
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 }, HasTouch = true });
        var page = await context.NewPageAsync();
        // The thanks screen must stay up long enough for the test to see it on a loaded machine, where a 300 ms window
        // fell between two of Playwright's visibility checks.
        await page.GotoAsync(server.Url + "/kiosk?reset=2000");
        await page.FillAsync("#device-key", key);
        await page.ClickAsync("#setup-form button");
        await page.WaitForSelectorAsync("#ask:not([hidden])");
        return (context, page);
    }

    private static async Task PressAsync(IPage page, string face, string? why = null)
    {
        await page.ClickAsync($".face[data-code='{face}']");
        await page.ClickAsync(why is null ? "#skip" : $".choice[data-code='{why}']");
        await page.WaitForSelectorAsync("#thanks:not([hidden])");
        await page.WaitForSelectorAsync("#ask:not([hidden])");
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(200);
        Assert.True(condition());
    }

    [Fact]
    public async Task A_tap_on_a_face_is_stored_with_the_follow_up_answer()
    {
        await using var server = await RunningServer.StartAsync();
        var (context, page) = await OpenKioskAsync(server);

        await page.ScreenshotAsync(new() { Path = RunningServer.ArtifactPath("kiosk.png") });
        await PressAsync(page, "2", "ventetiden");

        await WaitForAsync(() => server.Count("SELECT COUNT(*) FROM Responses") == 1);
        Assert.Equal(1, server.Count("SELECT COUNT(*) FROM Responses WHERE Answers LIKE '%\"besoeg\":[\"2\"]%' AND Answers LIKE '%ventetiden%' AND Channel = 'Kiosk'"));
        var faces = await page.QuerySelectorAllAsync(".face");
        Assert.Equal(4, faces.Count);
        foreach (var face in faces)
        {
            var box = await face.BoundingBoxAsync();
            Assert.True(box!.Width >= 44 && box.Height >= 44);
        }
        await context.DisposeAsync();
    }

    [Fact]
    public async Task Ten_presses_while_offline_are_delivered_exactly_once_when_the_network_returns()
    {
        await using var server = await RunningServer.StartAsync();
        var (context, page) = await OpenKioskAsync(server);

        await context.SetOfflineAsync(true);
        for (var i = 0; i < 10; i++)
        {
            await PressAsync(page, i % 2 == 0 ? "4" : "3");
        }
        Assert.Contains("10", await page.TextContentAsync("#status"));
        Assert.Equal(0, server.Count("SELECT COUNT(*) FROM Responses"));

        await page.ReloadAsync(); // the queue survives a reload
        await context.SetOfflineAsync(false);
        await page.EvaluateAsync("window.dispatchEvent(new Event('online'))");

        await WaitForAsync(() => server.Count("SELECT COUNT(*) FROM Responses") == 10);
        await Task.Delay(6000); // another flush cycle must not deliver anything twice
        Assert.Equal(10, server.Count("SELECT COUNT(*) FROM Responses"));
        await context.DisposeAsync();
    }
}
