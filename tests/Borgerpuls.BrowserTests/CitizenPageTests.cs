using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Borgerpuls.BrowserTests;

public sealed class CitizenPageTests
{
    /// <summary>An invitation written straight into the database, as the API would (the API itself is tested elsewhere).</summary>
    internal static string Invite(RunningServer server, string instrument = "borgeroplevelse-5")
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        using var connection = new SqliteConnection($"Data Source={server.Database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO Invitations (Id, TokenHash, InstrumentId, JobCentreId, MeetingDate, ExpiresOn, Used)
            VALUES ($id, $hash, (SELECT Id FROM Instruments WHERE Key = $instrument), (SELECT Id FROM JobCentres WHERE Key = 'jc-nord'), $today, $expires, 0)
            """;
        // Invitation ids are random UUIDs, in the upper-case text form EF Core stores them in.
        command.Parameters.AddWithValue("$id", Guid.NewGuid().ToString().ToUpperInvariant());
        command.Parameters.AddWithValue("$hash", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))));
        command.Parameters.AddWithValue("$instrument", instrument);
        command.Parameters.AddWithValue("$today", DateTime.UtcNow.ToString("yyyy-MM-dd"));
        command.Parameters.AddWithValue("$expires", DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd"));
        command.ExecuteNonQuery();
        return token;
    }

    private static Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync(IPage page) => Accessibility.SeriousViolationsAsync(page);

    [Fact]
    public async Task An_invitation_answered_in_arabic_renders_right_to_left_and_a_second_use_is_refused()
    {
        await using var server = await RunningServer.StartAsync();
        var token = Invite(server);
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, BypassCSP = true });
        var page = await context.NewPageAsync();

        await page.GotoAsync($"{server.Url}/i/{token}?culture=ar");

        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        Assert.Equal("ar", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("أرسل إجاباتي", await page.TextContentAsync("button.submit"));
        Assert.Empty(await SeriousAccessibilityViolationsAsync(page));
        await page.ScreenshotAsync(new() { Path = RunningServer.ArtifactPath("phone-arabic.png"), FullPage = false });
        await page.CheckAsync("input[name='a.hoert'][value='4']");
        // On a phone the questionnaire is paged: one question per screen, the submit button on the last.
        while (await page.IsVisibleAsync("button.next")) await page.ClickAsync("button.next");
        await page.ClickAsync("button.submit");
        await page.WaitForSelectorAsync("text=تم حفظ إجاباتك");
        Assert.Equal(1, server.Count("SELECT COUNT(*) FROM Responses WHERE Language = 'ar' AND Channel = 'Link'"));

        var again = await page.GotoAsync($"{server.Url}/i/{token}?culture=da");
        Assert.Equal(410, again!.Status);
        Assert.Contains("allerede besvaret", await page.TextContentAsync("main"));
        Assert.Equal(1, server.Count("SELECT COUNT(*) FROM Responses"));
        await context.DisposeAsync();
    }

    [Fact]
    public async Task Citizen_pages_have_no_serious_accessibility_violations()
    {
        await using var server = await RunningServer.StartAsync();
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 }, BypassCSP = true });
        var page = await context.NewPageAsync();
        var failures = new List<string>();
        foreach (var path in new[] { "/kiosk", $"/i/{Invite(server)}", $"/i/{Invite(server, "vive-7")}?culture=en", "/i/findes-ikke-0123456789" })
        {
            await page.GotoAsync(server.Url + path);
            failures.AddRange((await SeriousAccessibilityViolationsAsync(page)).Select(v => $"{path}: {v}"));
        }
        await page.GotoAsync($"{server.Url}/i/{Invite(server, "brugerundersoegelse-15")}");
        await page.ScreenshotAsync(new() { Path = RunningServer.ArtifactPath("questionnaire-desktop.png"), FullPage = false });
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        await context.DisposeAsync();
    }
}
