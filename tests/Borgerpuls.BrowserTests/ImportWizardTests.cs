using System.Text;
using Microsoft.Playwright;

namespace Borgerpuls.BrowserTests;

public sealed class ImportWizardTests
{
    /// <summary>A file with mistakes on several lines: every problem is listed by line and column in Danish (none in English),
    /// nothing is written, and the list stays inside its card on a laptop and on a phone.</summary>
    [Fact]
    public async Task A_file_with_mistakes_is_refused_with_every_problem_in_danish_and_nothing_written()
    {
        await using var server = await RunningServer.StartAsync(demoResponses: 200, withAdmin: true);
        var before = server.Count("SELECT COUNT(*) FROM Responses");
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        var errors = RunningServer.ConsoleErrors(page);
        await server.SignInAsync(page, "/import");

        var csv = "respondent_id;jobcenter;samtale;target_group;submitted_at\n" +
            "r1;jc-nord;Fantastisk;jobparat;2025-03-14\n" +
            "r2;jc-nord;5;pensionist;2025-03-14\n" +
            "r3;jc-nord;4;jobparat;32-13-2025\n" +
            "r3;;4;jobparat;2025-03-14\n";
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "svar.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.SelectOptionAsync("#instrument", "vive-7");
        await page.ClickAsync("form[enctype] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=import-preview]");
        Assert.Contains("Læst som: CSV, skilletegn ';'", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.ClickAsync("button:has-text('Kontrollér')");
        await page.WaitForSelectorAsync("[data-testid=import-errors]");

        var shown = await page.InnerTextAsync("[data-testid=import-errors]");
        Assert.Contains("»Fantastisk« er ikke en svarmulighed", shown, StringComparison.Ordinal);
        Assert.Contains("»pensionist« er ikke en målgruppe", shown, StringComparison.Ordinal);
        Assert.Contains("»32-13-2025« er ikke en dato", shown, StringComparison.Ordinal);
        Assert.Contains("Svarperson »r3« står mere end én gang i filen.", shown, StringComparison.Ordinal);
        Assert.Contains("Jobcenteret er tomt.", shown, StringComparison.Ordinal);
        foreach (var english in new[] { "is not", "Unknown", "appears more than once", "expected" })
        {
            Assert.DoesNotContain(english, shown, StringComparison.Ordinal);
        }
        Assert.Equal(before, server.Count("SELECT COUNT(*) FROM Responses"));
        // The page opens at the problems, not at the top of a long form, and nothing spills out sideways.
        Assert.True(await page.EvaluateAsync<bool>("() => window.scrollY > 0"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        Assert.True(await page.EvaluateAsync<bool>(
            "() => [...document.querySelectorAll('form.card table')].every(t => t.getBoundingClientRect().right <= t.closest('form').getBoundingClientRect().right + 1)"));
        Assert.Empty(errors);

        await page.Locator("[data-testid=import-errors]").ScrollIntoViewIfNeededAsync();
        await RunningServer.DocumentationScreenshotAsync(page, "import-errors.png");
        var phone = await server.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, BypassCSP = true, StorageState = await context.StorageStateAsync(),
        });
        var small = await phone.NewPageAsync();
        await small.GotoAsync(server.Url + "/import");
        await small.SetInputFilesAsync("#file", new FilePayload { Name = "svar.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await small.SelectOptionAsync("#instrument", "vive-7");
        await small.ClickAsync("form[enctype] button[type=submit]");
        await small.WaitForSelectorAsync("[data-testid=import-preview]");
        await small.ClickAsync("button:has-text('Kontrollér')");
        await small.WaitForSelectorAsync("[data-testid=import-errors]");
        Assert.True(await small.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        Assert.True(await small.EvaluateAsync<bool>(
            "() => [...document.querySelectorAll('form.card table:not(.scroll-x table)')].every(t => t.getBoundingClientRect().right <= t.closest('form').getBoundingClientRect().right + 1)"));
        // axe is injected as a script of its own, which the site's policy refuses: this context bypasses it.
        var violations = await Accessibility.SeriousViolationsAsync(small);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await small.Locator("[data-testid=import-errors]").ScrollIntoViewIfNeededAsync();
        await RunningServer.DocumentationScreenshotAsync(small, "import-errors-phone.png");
    }
}
