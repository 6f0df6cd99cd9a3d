using Microsoft.Playwright;

namespace Borgerpuls.BrowserTests;

public sealed class KioskTests
{
    private static Task<string> AddKioskAsync(RunningServer server) => DeviceKeys.AddAsync(server, "sjaellandsgade", "smiley", "Udgang", "kiosk");

    /// <param name="axe">Lets the test inject axe-core, which the page's Content Security Policy would block.</param>
    private static async Task<(IBrowserContext Context, IPage Page)> OpenKioskAsync(RunningServer server, int width = 1280, int height = 800, bool axe = false)
    {
        var key = await AddKioskAsync(server);
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, HasTouch = true, BypassCSP = axe });
        var page = await context.NewPageAsync();
        // The thanks screen must stay up long enough for the test to see it on a loaded machine, where a 300 ms window
        // fell between two of Playwright's visibility checks.
        await page.GotoAsync(server.Url + "/kiosk?reset=2000");
        await page.FillAsync("#device-key", key);
        await page.ClickAsync("#setup-form button");
        await page.WaitForSelectorAsync("#ask:not([hidden])");
        return (context, page);
    }

    private static Task<long> QueuedAsync(IPage page) => page.EvaluateAsync<long>("KioskQueue.count()");

    private static async Task PressAsync(IPage page, string face, string? why = null)
    {
        await page.ClickAsync($".face[data-code='{face}']");
        await page.ClickAsync(why is null ? "#skip" : $".choice[data-code='{why}']");
        await page.WaitForSelectorAsync("#thanks:not([hidden])");
        await page.WaitForSelectorAsync("#ask:not([hidden])");
    }


    [Fact]
    public async Task A_tap_on_a_face_is_stored_with_the_follow_up_answer()
    {
        await using var server = await RunningServer.StartAsync();
        var (context, page) = await OpenKioskAsync(server);

        await page.ScreenshotAsync(new() { Path = RunningServer.ArtifactPath("kiosk.png") });
        await PressAsync(page, "2", "ventetiden");

        await Wait.UntilAsync(() => server.Count("SELECT COUNT(*) FROM Responses") == 1);
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

        await Wait.UntilAsync(() => server.Count("SELECT COUNT(*) FROM Responses") == 10);
        await Task.Delay(6000); // another flush cycle must not deliver anything twice
        Assert.Equal(10, server.Count("SELECT COUNT(*) FROM Responses"));
        await context.DisposeAsync();
    }

    [Fact]
    public async Task A_press_is_queued_before_the_follow_up_and_survives_a_reload_during_it()
    {
        await using var server = await RunningServer.StartAsync();
        var (context, page) = await OpenKioskAsync(server);
        await context.SetOfflineAsync(true);

        await page.ClickAsync(".face[data-code='2']");
        await page.WaitForSelectorAsync("#follow-up:not([hidden])");
        // Already stored on the device while the follow-up question is on screen, held back from delivery.
        Assert.Equal(1, await QueuedAsync(page));
        Assert.True(await page.EvaluateAsync<bool>("KioskQueue.all().then(all => all[0].held === true && !all[0].previousPressAt)"));

        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#ask:not([hidden])");
        Assert.Equal(1, await QueuedAsync(page));

        // The next press carries the previous press's time, as recorded on the kiosk.
        await PressAsync(page, "4", "ventetiden");
        Assert.True(await page.EvaluateAsync<bool>("""
            KioskQueue.all().then(all => {
              const [first, second] = all.sort((a, b) => a.answeredAt.localeCompare(b.answeredAt));
              return second.previousPressAt === first.answeredAt && !first.held && !second.held && second.answers.hvorfor === "ventetiden";
            })
            """));
        await context.SetOfflineAsync(false);
        await page.EvaluateAsync("window.dispatchEvent(new Event('online'))");

        await Wait.UntilAsync(() => server.Count("SELECT COUNT(*) FROM Responses") == 2);
        Assert.Equal(1, server.Count("SELECT COUNT(*) FROM Responses WHERE Answers LIKE '%\"besoeg\":[\"2\"]%' AND Answers NOT LIKE '%hvorfor%'"));
        Assert.Equal(1, server.Count("SELECT COUNT(*) FROM Responses WHERE Answers LIKE '%\"besoeg\":[\"4\"]%' AND Answers LIKE '%ventetiden%'"));
        await context.DisposeAsync();
    }

    [Fact]
    public async Task A_mistyped_key_is_not_saved_and_a_good_key_shows_the_device()
    {
        await using var server = await RunningServer.StartAsync();
        var key = await AddKioskAsync(server);
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Url + "/kiosk");

        await page.FillAsync("#device-key", key[..^2] + (key[^2..] == "xx" ? "yy" : "xx"));
        await page.ClickAsync("#setup-form button");
        await page.WaitForSelectorAsync("#setup-result.error");
        Assert.StartsWith("Nøglen er ikke gemt:", await page.TextContentAsync("#setup-result"));
        Assert.True((await page.TextContentAsync("#setup-result"))!.Length > "Nøglen er ikke gemt: ".Length);
        Assert.True(await page.IsVisibleAsync("#setup"));
        Assert.Null(await page.EvaluateAsync<string?>("localStorage.getItem('borgerpuls.deviceKey')"));

        // A tablet's key on the kiosk is refused too: it would file presses under the wrong channel.
        var tablet = await DeviceKeys.AddAsync(server, "sjaellandsgade", "borgeroplevelse-5", "Tablet", "tablet");
        await page.FillAsync("#device-key", tablet);
        await page.ClickAsync("#setup-form button");
        await Assertions.Expect(page.Locator("#setup-result")).ToContainTextAsync("tablet");
        Assert.Null(await page.EvaluateAsync<string?>("localStorage.getItem('borgerpuls.deviceKey')"));

        await page.FillAsync("#device-key", key);
        await page.ClickAsync("#setup-form button");
        await page.WaitForSelectorAsync("#ask:not([hidden])");
        Assert.Equal(key, await page.EvaluateAsync<string?>("localStorage.getItem('borgerpuls.deviceKey')"));
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Udgang");
        Assert.Contains("Sjællandsgade", await page.TextContentAsync("#status"));
        await context.DisposeAsync();
    }

    [Fact]
    public async Task An_answer_the_server_refuses_leaves_the_queue_for_the_rejected_count_and_the_others_are_delivered()
    {
        await using var server = await RunningServer.StartAsync();
        var (context, page) = await OpenKioskAsync(server);
        await context.SetOfflineAsync(true);
        await PressAsync(page, "3");
        // An item the server will refuse (an option the question does not have), older than the presses so it is in their batch.
        await page.EvaluateAsync("""
            KioskQueue.add({ id: crypto.randomUUID(), instrument: "smiley", answeredAt: new Date(Date.now() - 60000).toISOString(), answers: { besoeg: "9" } })
            """);
        await PressAsync(page, "4");
        await context.SetOfflineAsync(false);
        await page.EvaluateAsync("window.dispatchEvent(new Event('online'))");

        await Wait.UntilAsync(() => server.Count("SELECT COUNT(*) FROM Responses") == 2);
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("1 afvist");
        Assert.Equal(0, await QueuedAsync(page));
        Assert.Equal(400, await page.EvaluateAsync<int>("KioskQueue.rejectedCount().then(() => new Promise(r => { const q = indexedDB.open('borgerpuls-kiosk'); q.onsuccess = () => { const g = q.result.transaction('rejected').objectStore('rejected').getAll(); g.onsuccess = () => r(g.result[0].status); }; }))"));
        await context.DisposeAsync();
    }

    [Fact]
    public async Task A_refused_key_keeps_the_presses_and_warns_staff_without_blocking_citizens()
    {
        await using var server = await RunningServer.StartAsync();
        var (context, page) = await OpenKioskAsync(server);
        Assert.True(await page.IsHiddenAsync("#delivery-warning"));
        await DeviceKeys.RevokeAsync(server, "Udgang");

        await PressAsync(page, "4");
        await page.WaitForSelectorAsync("#delivery-warning:not([hidden])");
        Assert.Contains("afviser enhedens nøgle", await page.TextContentAsync("#delivery-warning"));
        Assert.Equal(1, await QueuedAsync(page));
        Assert.Equal(0, server.Count("SELECT COUNT(*) FROM Responses"));
        await PressAsync(page, "3"); // citizens can go on pressing
        Assert.Equal(2, await QueuedAsync(page));
        await context.DisposeAsync();
    }

    [Fact]
    public async Task An_arabic_citizen_sees_the_kiosk_in_arabic_and_the_press_is_stored_as_arabic()
    {
        await using var server = await RunningServer.StartAsync();
        var (context, page) = await OpenKioskAsync(server, axe: true);
        Assert.Empty(await Accessibility.SeriousViolationsAsync(page));
        foreach (var name in new[] { "Dansk", "English", "العربية", "Українська", "Soomaali", "Türkçe", "Polski" })
        {
            var box = await page.Locator(".languages button", new() { HasTextString = name }).BoundingBoxAsync();
            Assert.True(box!.Width >= 44 && box.Height >= 44, name);
        }

        await page.ClickAsync(".languages button[data-lang='ar']");
        Assert.Equal("ar", await page.GetAttributeAsync("#citizen-area", "lang"));
        Assert.Equal("rtl", await page.GetAttributeAsync("#citizen-area", "dir"));
        Assert.Equal("true", await page.GetAttributeAsync(".languages button[data-lang='ar']", "aria-pressed"));
        // Arabic where there is a translation; a text still in Danish is marked as Danish, left to right (checked against the
        // texts the page embeds, so the test holds before and after translations are added).
        Assert.True(await page.EvaluateAsync<bool>("""
            () => {
              const ar = JSON.parse(document.getElementById("citizen-texts").textContent).ar.t;
              return Array.from(document.querySelectorAll("#citizen-area [data-t]")).every(e => {
                const [text, fallback] = ar[e.dataset.t];
                return e.textContent === text && (fallback ? e.lang === "da" && e.dir === "ltr" : !e.hasAttribute("lang"));
              }) && document.querySelectorAll("#citizen-area [data-t]").length >= 12;
            }
            """));
        Assert.Empty(await Accessibility.SeriousViolationsAsync(page));

        await PressAsync(page, "4", "modtagelsen");
        await Wait.UntilAsync(() => server.Count("SELECT COUNT(*) FROM Responses") == 1);
        Assert.Equal(1, server.Count("SELECT COUNT(*) FROM Responses WHERE Language = 'ar' AND Answers LIKE '%modtagelsen%'"));
        // The next citizen starts in the kiosk's own language.
        Assert.Equal("da", await page.GetAttributeAsync("#citizen-area", "lang"));
        Assert.Equal("ltr", await page.GetAttributeAsync("#citizen-area", "dir"));
        await context.DisposeAsync();
    }

    [Fact]
    public async Task A_portrait_kiosk_uses_the_screen_for_the_faces_and_the_thanks()
    {
        await using var server = await RunningServer.StartAsync();
        var (context, page) = await OpenKioskAsync(server, 1080, 1920);
        foreach (var face in await page.QuerySelectorAllAsync(".face"))
        {
            var box = await face.BoundingBoxAsync();
            Assert.True(box!.Width >= 400 && box.Height >= 350, $"{box.Width}×{box.Height}");
        }
        var faces = await page.Locator(".faces").BoundingBoxAsync();
        Assert.True(faces!.Height >= 800, $"faces {faces.Height} px high");
        await RunningServer.DocumentationScreenshotAsync(page, "kiosk-portrait.png");

        await page.ClickAsync(".face[data-code='4']");
        await page.ClickAsync("#skip");
        await page.WaitForSelectorAsync("#thanks:not([hidden])");
        var size = await page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.querySelector('#thanks h1')).fontSize)");
        Assert.True(size >= 80, $"thanks at {size} px");
        await RunningServer.DocumentationScreenshotAsync(page, "kiosk-portrait-thanks.png");
        await context.DisposeAsync();
    }

    [Fact]
    public async Task A_language_chosen_by_a_citizen_who_walks_away_returns_to_danish()
    {
        await using var server = await RunningServer.StartAsync();
        var key = await AddKioskAsync(server);
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Url + "/kiosk?idle=3000");
        await page.FillAsync("#device-key", key);
        await page.ClickAsync("#setup-form button");
        await page.WaitForSelectorAsync("#ask:not([hidden])");

        await page.ClickAsync(".languages button[data-lang='en']");
        Assert.Equal("en", await page.GetAttributeAsync("#citizen-area", "lang"));
        Assert.Equal("How was your visit to the job centre today?", await page.TextContentAsync("#question"));
        await Assertions.Expect(page.Locator("#citizen-area")).ToHaveAttributeAsync("lang", "da", new() { Timeout = 15000 });
        Assert.Equal("true", await page.GetAttributeAsync(".languages button[data-lang='da']", "aria-pressed"));
        await context.DisposeAsync();
    }
}
