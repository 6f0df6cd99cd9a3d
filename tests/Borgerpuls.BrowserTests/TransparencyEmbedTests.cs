using System.Net;
using Microsoft.Playwright;

namespace Borgerpuls.BrowserTests;

public sealed class TransparencyEmbedTests
{
    // Another origin on this machine (localhost, not 127.0.0.1, and another port).
    private static readonly string Municipality = $"http://localhost:{RunningServer.FreePort()}";

    /// <summary>The municipality's own website (another origin, served by a small web server in the test) frames the embeddable
    /// page, which its <c>frame-ancestors</c> setting allows; the ordinary public page in a frame beside it is refused.</summary>
    [Fact]
    public async Task The_municipalitys_website_frames_the_embeddable_page_and_not_the_ordinary_one()
    {
        await using var server = await RunningServer.StartAsync(demoResponses: 2000, withAdmin: true,
            settings: new Dictionary<string, string> { ["Transparency__FrameAncestors"] = Municipality });
        var staff = await server.Browser.NewContextAsync();
        // Often the first test of a run, sharing two cores with the start of the other suites: a sign-in and the publishing
        // flow may take longer than Playwright's 30 s default, which says nothing about the pages.
        staff.SetDefaultTimeout(90_000);
        var page = await staff.NewPageAsync();
        await server.SignInAsync(page, "/transparency");
        await page.SelectOptionAsync("#instrument", "vive-7");
        await page.ClickAsync("form:has(#instrument) button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=snapshot]");
        await page.ClickAsync("[data-testid=publish]");
        await page.WaitForSelectorAsync("[data-testid=done]");

        var visitor = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
        visitor.SetDefaultTimeout(90_000);
        var site = await visitor.NewPageAsync();
        // The municipality's page, from a web server of its own on another origin.
        using var website = new HttpListener();
        website.Prefixes.Add(Municipality + "/");
        website.Start();
        var html = System.Text.Encoding.UTF8.GetBytes($"""
                <!doctype html><html lang="da"><head><title>Aabæk Kommune – Jobcenter</title></head>
                <body style="font-family:sans-serif;margin:0">
                <header style="background:#0b3d2e;color:#fff;padding:16px 24px"><strong>Aabæk Kommune</strong> · Borger · Job og ledighed · Jobcenter</header>
                <main style="padding:16px 24px"><h1 style="margin-top:0">Det siger borgerne om jobcentret</h1>
                <iframe id="embedded" src="{server.Url}/offentlig/aabaek/indlejret" title="Det siger borgerne" style="width:100%;height:640px;border:1px solid #ccc"></iframe>
                <iframe id="ordinary" src="{server.Url}/offentlig/aabaek" title="Almindelig side" style="width:100%;height:80px;border:1px dashed #c00"></iframe>
                </main></body></html>
                """);
        _ = Task.Run(async () =>
        {
            try
            {
                while (website.IsListening)
                {
                    var request = await website.GetContextAsync();
                    request.Response.ContentType = "text/html; charset=utf-8";
                    await request.Response.OutputStream.WriteAsync(html);
                    request.Response.Close();
                }
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                // Stopped at the end of the test.
            }
        });
        await site.GotoAsync(Municipality + "/jobcenter");

        var embedded = site.FrameLocator("#embedded");
        await embedded.Locator("main").WaitForAsync();
        Assert.Contains("svarede positivt", await embedded.Locator("main").InnerTextAsync());
        // The ordinary page says frame-ancestors 'none': the browser shows nothing of it in the frame.
        await site.WaitForTimeoutAsync(1000);
        var ordinary = await (await site.QuerySelectorAsync("#ordinary"))!.ContentFrameAsync();
        Assert.True(ordinary is null || ordinary.Url.StartsWith("chrome-error:", StringComparison.Ordinal), ordinary?.Url);
        await site.Locator("#ordinary").EvaluateAsync("e => e.remove()");
        await RunningServer.DocumentationScreenshotAsync(site, "transparency-embedded.png");
        await visitor.DisposeAsync();
        await staff.DisposeAsync();
    }
}
