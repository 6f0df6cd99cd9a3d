using Microsoft.Playwright;

namespace Borgerpuls.BrowserTests;

/// <summary>Citizens who do not read Danish: questions, options and errors in their language; what is still Danish says so.</summary>
public sealed class CitizenLanguageTests
{
    private static BrowserNewContextOptions Phone => new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, BypassCSP = true };

    private const string VisitUk = "Як пройшов ваш сьогоднішній візит до центру зайнятості?";
    private const string RequiredUk = "На це запитання потрібно відповісти.";
    private const string AtLeastOneUk = "Будь ласка, дайте відповідь хоча б на одне запитання.";

    /// <summary>Sends the form as it is, on a phone from its last screen, and waits for the page that refuses it.</summary>
    private static async Task SubmitRefusedAsync(IPage page)
    {
        while (await page.IsVisibleAsync("button.next")) await page.ClickAsync("button.next");
        await page.ClickAsync("form.questionnaire button[type=submit]");
        // Waiting for the refusal itself: a load-state wait begun while the navigation commits can miss its load event,
        // and a loaded machine has taken more than the default 30 s to serve the page.
        await page.WaitForSelectorAsync("#error-summary", new() { Timeout = 120_000 });
    }

    /// <summary>The error summary after a submit with the smiley's required question unanswered, in Ukrainian.</summary>
    private static async Task AssertUkrainianErrorsAsync(IPage page)
    {
        await page.WaitForSelectorAsync("#error-summary");
        Assert.Equal("uk", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("error-summary", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Equal("alert", await page.GetAttributeAsync("#error-summary", "role"));
        Assert.Equal("Ваші відповіді не надіслано. Будь ласка, виправте:", (await page.TextContentAsync("#error-summary h2"))!.Trim());
        var lines = (await page.Locator("#error-summary li").AllInnerTextsAsync()).Select(l => l.Trim()).ToList();
        Assert.Contains($"Запитання 1 «{VisitUk}»: {RequiredUk}", lines);
        Assert.DoesNotContain(lines, l => l.Contains("answers", StringComparison.Ordinal) || l.Contains("must", StringComparison.Ordinal));
        var link = page.Locator("#error-summary a", new() { HasText = VisitUk });
        Assert.Equal("#q-besoeg", await link.GetAttributeAsync("href"));

        // The question points at its own message, and its answers are marked invalid.
        Assert.Equal("err-besoeg", await page.GetAttributeAsync("#q-besoeg", "aria-describedby"));
        Assert.Equal(RequiredUk, (await page.TextContentAsync("#err-besoeg"))!.Trim());
        Assert.Equal(4, await page.Locator("#q-besoeg input[aria-invalid=true][aria-describedby=err-besoeg]").CountAsync());
        Assert.Contains(VisitUk, await page.TextContentAsync("#q-besoeg legend"));
        Assert.Empty(await Accessibility.SeriousViolationsAsync(page));

        await link.ClickAsync();
        Assert.EndsWith("#q-besoeg", page.Url, StringComparison.Ordinal);
        Assert.True(await page.IsVisibleAsync("#q-besoeg input[value='3']"));
    }

    [Fact]
    public async Task A_ukrainian_invitation_sent_without_its_required_answer_gets_a_focused_ukrainian_error_summary_linked_to_the_question()
    {
        await using var server = await RunningServer.StartAsync();
        var token = CitizenPageTests.Invite(server, "smiley");
        var context = await server.Browser.NewContextAsync(Phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{server.Url}/i/{token}?culture=uk");

        // Only the follow-up answered: the required first question is missing.
        while (!await page.IsVisibleAsync("#q-hvorfor")) await page.ClickAsync("button.next");
        await page.CheckAsync("input[name='a.hvorfor'][value='ventetiden']");
        await SubmitRefusedAsync(page);

        await AssertUkrainianErrorsAsync(page);
        Assert.Equal(0, server.Count("SELECT COUNT(*) FROM Responses"));
        Assert.True(await page.IsCheckedAsync("input[name='a.hvorfor'][value='ventetiden']")); // the answer given is kept
        await page.CheckAsync("#q-besoeg input[value='3']");
        await page.ClickAsync("form.questionnaire button[type=submit]");
        await page.WaitForSelectorAsync("text=Ваші відповіді збережено", new() { Timeout = 120_000 });
        Assert.Equal(1, server.Count("SELECT COUNT(*) FROM Responses WHERE Language = 'uk' AND Answers LIKE '%\"besoeg\":[\"3\"]%' AND Answers LIKE '%ventetiden%'"));
        await context.DisposeAsync();
    }

    [Fact]
    public async Task A_ukrainian_web_questionnaire_sent_empty_names_each_problem_in_ukrainian()
    {
        await using var server = await RunningServer.StartAsync();
        var config = Path.Combine(Path.GetDirectoryName(server.Database)!, "web-smiley.json");
        await File.WriteAllTextAsync(config, """
            { "campaigns": [ { "key": "smiley-web", "name": "Smiley på nettet", "instrument": "smiley", "channel": "web",
                               "startsOn": "2025-01-01", "status": "open", "jobCentre": "jc-nord" } ] }
            """);
        await RunningServer.CliAsync("config", "apply", config, "--db", server.Database);
        var context = await server.Browser.NewContextAsync(Phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{server.Url}/s/smiley-web?culture=uk");

        await SubmitRefusedAsync(page);

        await AssertUkrainianErrorsAsync(page);
        var lines = (await page.Locator("#error-summary li").AllInnerTextsAsync()).Select(l => l.Trim()).ToList();
        Assert.Contains(AtLeastOneUk, lines);
        Assert.Equal(0, server.Count("SELECT COUNT(*) FROM Responses"));
        await context.DisposeAsync();
    }

    [Fact]
    public async Task An_arabic_invitation_shows_arabic_questions_and_options_right_to_left_and_marks_what_is_still_danish()
    {
        await using var server = await RunningServer.StartAsync();
        // A question a municipality has not had translated yet: shown in Danish, and marked as such.
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={server.Database}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE Questions SET Texts = json_remove(Texts, '$.ar') WHERE Key = 'inddrager' AND InstrumentVersionId IN (SELECT v.Id FROM InstrumentVersions v JOIN Instruments i ON i.Id = v.InstrumentId WHERE i.Key = 'vive-7')";
            Assert.Equal(1, command.ExecuteNonQuery());
        }
        var token = CitizenPageTests.Invite(server, "vive-7");
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, BypassCSP = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{server.Url}/i/{token}?culture=ar");

        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        Assert.Equal("ar", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("استبيان VIVE لرضا المواطنين (7 أسئلة)", (await page.TextContentAsync("h1"))!.Trim());
        Assert.Null(await page.GetAttributeAsync("h1", "lang"));
        Assert.Contains("ما مدى رضاك عن المحادثة التي أجريتها للتو مع موظف الحالة الخاص بك؟", await page.TextContentAsync("#q-samtale legend"));
        Assert.Equal(["راضٍ جدًا", "راضٍ", "لا راضٍ ولا غير راضٍ", "غير راضٍ", "غير راضٍ على الإطلاق", "لا أعرف"],
            (await page.Locator("#q-samtale label.option").AllInnerTextsAsync()).Select(t => t.Trim()));
        Assert.Equal(0, await page.Locator("#q-samtale [lang=da], #q-samtale .fallback").CountAsync());

        var danish = page.Locator("#q-inddrager legend span[lang=da]");
        Assert.Equal("ltr", await danish.GetAttributeAsync("dir"));
        Assert.Equal("Synes du, at din sagsbehandler inddrager dig?", (await danish.TextContentAsync())!.Trim());
        Assert.True(await page.IsVisibleAsync("#q-inddrager .fallback"));
        Assert.Equal(1, await page.Locator("form.questionnaire [lang=da]").CountAsync());
        Assert.Empty(await Accessibility.SeriousViolationsAsync(page));
        await page.ScreenshotAsync(new() { Path = RunningServer.ArtifactPath("invitation-arabic.png"), FullPage = true });
        await context.DisposeAsync();
    }
}
