using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace Borgerpuls.BrowserTests;

/// <summary>The delivery rules shared by the kiosk and the tablet (delivery.js), seen from the network: one delivery in flight,
/// oldest first, backoff on failures, heartbeats on outcome changes, and a warning for staff when answers wait too long.
/// Requests go to the real server; the browser's routing only watches them, or stalls or fails them as a sick server would.</summary>
public sealed class DeliveryTests
{
    private static async Task<(IBrowserContext Context, IPage Page)> OpenKioskAsync(RunningServer server)
    {
        var key = await DeviceKeys.AddAsync(server, "sjaellandsgade", "smiley", "Udgang", "kiosk");
        // No service worker here, so that every request of the page passes the test's routing.
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 }, ServiceWorkers = ServiceWorkerPolicy.Block });
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Url + "/kiosk?reset=300");
        await page.FillAsync("#device-key", key);
        await page.ClickAsync("#setup-form button");
        await page.WaitForSelectorAsync("#ask:not([hidden])");
        return (context, page);
    }

    // A press straight into the queue, as kiosk.js makes it, without waiting for the thanks screen.
    private static Task PressAsync(IPage page, string face) => page.EvaluateAsync(
        "face => KioskQueue.addPress({ id: crypto.randomUUID(), instrument: 'smiley', answeredAt: new Date().toISOString(), context: { language: 'da' }, answers: { besoeg: face } })", face);


    [Fact]
    public async Task One_delivery_is_in_flight_at_a_time_oldest_first_while_the_server_stalls()
    {
        await using var server = await RunningServer.StartAsync();
        var (context, page) = await OpenKioskAsync(server);
        await context.SetOfflineAsync(true);
        for (var i = 0; i < 3; i++)
        {
            await PressAsync(page, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Task.Delay(20);
        }

        int inFlight = 0, most = 0;
        var batches = new ConcurrentQueue<JsonElement>();
        await page.RouteAsync("**/api/v1/responses", async route =>
        {
            var now = Interlocked.Increment(ref inFlight);
            lock (batches) most = Math.Max(most, now);
            batches.Enqueue(JsonDocument.Parse(route.Request.PostData!).RootElement.Clone());
            var response = await route.FetchAsync();
            await Task.Delay(2500); // the server stalls before its answer reaches the kiosk
            Interlocked.Decrement(ref inFlight);
            await route.FulfillAsync(new() { Response = response });
        });
        await context.SetOfflineAsync(false);
        // Everything that may start a delivery, at once and during the stall: the online event, the timer, new presses.
        for (var i = 0; i < 4; i++)
        {
            await page.EvaluateAsync("window.dispatchEvent(new Event('online'))");
            await PressAsync(page, "4");
            await Task.Delay(400);
        }

        await Wait.UntilAsync(() => server.Count("SELECT COUNT(*) FROM Responses") == 7);
        Assert.Equal(1, most);
        var first = batches.First().EnumerateArray().Select(e => e.GetProperty("answeredAt").GetString()!).ToList();
        Assert.Equal(first.Order(StringComparer.Ordinal), first);
        Assert.True(first.Count >= 3);
        Assert.Equal(7, batches.Sum(b => b.GetArrayLength())); // no item was sent twice
        await context.DisposeAsync();
    }

    [Fact]
    public async Task Server_errors_keep_the_press_and_are_retried_with_growing_pauses_and_a_heartbeat_tells_the_change()
    {
        await using var server = await RunningServer.StartAsync();
        var (context, page) = await OpenKioskAsync(server);
        var attempts = new ConcurrentQueue<DateTime>();
        var heartbeats = new ConcurrentQueue<JsonElement>();
        var accepted = new ConcurrentQueue<int>();
        await page.RouteAsync("**/api/v1/devices/heartbeat", async route =>
        {
            heartbeats.Enqueue(JsonDocument.Parse(route.Request.PostData!).RootElement.Clone());
            var response = await route.FetchAsync();
            accepted.Enqueue(response.Status);
            await route.FulfillAsync(new() { Response = response });
        });
        await page.RouteAsync("**/api/v1/responses", async route =>
        {
            attempts.Enqueue(DateTime.UtcNow);
            if (attempts.Count <= 3) await route.FulfillAsync(new() { Status = 503, ContentType = "application/problem+json", Body = """{"title":"Service Unavailable","detail":"Down for maintenance"}""" });
            else await route.ContinueAsync();
        });
        var before = heartbeats.Count;

        await PressAsync(page, "2");
        await page.EvaluateAsync("window.dispatchEvent(new Event('online'))");
        await Wait.UntilAsync(() => server.Count("SELECT COUNT(*) FROM Responses") == 1, seconds: 60);

        var times = attempts.ToList();
        Assert.Equal(4, times.Count);
        // Exponential backoff with "equal jitter" from 5 s: after the n-th failure the pause is between half and all of
        // 5 s × 2^(n-1), so at least 5 s after the second failure and 10 s after the third (the 5 s timer may add to it).
        Assert.True(times[2] - times[1] >= TimeSpan.FromSeconds(4.9), $"{(times[2] - times[1]).TotalSeconds} s");
        Assert.True(times[3] - times[2] >= TimeSpan.FromSeconds(9.9), $"{(times[3] - times[2]).TotalSeconds} s");
        // Heartbeats right after the outcome changed: to failing (with the error) and back.
        await Wait.UntilAsync(() => heartbeats.Count - before >= 2);
        var sent = heartbeats.Skip(before).ToList();
        var failing = sent.First(h => h.GetProperty("lastError").ValueKind == JsonValueKind.String);
        Assert.Equal(1, failing.GetProperty("queued").GetInt32());
        Assert.Contains("Down for maintenance", failing.GetProperty("lastError").GetString());
        Assert.Contains(sent, h => h.GetProperty("queued").GetInt32() == 0 && h.GetProperty("deliveredToday").GetInt32() == 1);
        Assert.All(accepted, status => Assert.Equal(204, status)); // the server takes every heartbeat the device sends
        await context.DisposeAsync();
    }

    [Fact]
    public async Task Answers_waiting_more_than_ten_minutes_show_a_warning_for_staff()
    {
        await using var server = await RunningServer.StartAsync();
        var (context, page) = await OpenKioskAsync(server);
        await context.SetOfflineAsync(true);
        await page.EvaluateAsync("KioskQueue.add({ id: crypto.randomUUID(), instrument: 'smiley', answeredAt: new Date(Date.now() - 11 * 60000).toISOString(), answers: { besoeg: '3' } })");
        await Assertions.Expect(page.Locator("#delivery-warning")).ToContainTextAsync("kommer ikke igennem", new() { Timeout = 15000 });
        Assert.True(await page.IsVisibleAsync("#ask")); // the citizen's screen stays usable

        await context.SetOfflineAsync(false);
        await page.EvaluateAsync("window.dispatchEvent(new Event('online'))");
        await Wait.UntilAsync(() => server.Count("SELECT COUNT(*) FROM Responses") == 1);
        await Assertions.Expect(page.Locator("#delivery-warning")).ToBeHiddenAsync(new() { Timeout = 15000 });
        await context.DisposeAsync();
    }
}
