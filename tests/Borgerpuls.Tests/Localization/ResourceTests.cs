using System.Xml.Linq;

namespace Borgerpuls.Tests.Localization;

public sealed class ResourceTests
{
    private static Dictionary<string, string> Read(string culture)
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Borgerpuls.slnx"))) dir = Path.GetDirectoryName(dir)!;
        var file = Path.Combine(dir, "src", "Borgerpuls", "Localization", culture.Length == 0 ? "SharedResource.resx" : $"SharedResource.{culture}.resx");
        return XDocument.Load(file).Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);
    }

    [Fact]
    public void Danish_and_english_have_the_same_texts_and_none_is_empty()
    {
        var da = Read("da");
        var en = Read("en");
        Assert.Equal(da.Keys.Order(), en.Keys.Order());
        Assert.All(da.Concat(en), kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), kv.Key));
    }

    [Fact]
    public void The_neutral_resources_are_the_danish_ones_so_untranslated_languages_fall_back_to_danish()
    {
        Assert.Equal(Read("da").OrderBy(kv => kv.Key), Read("").OrderBy(kv => kv.Key));
        Assert.All(Read("ar").Keys, key => Assert.True(Read("da").ContainsKey(key), key));
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("uk")]
    [InlineData("so")]
    [InlineData("tr")]
    [InlineData("pl")]
    public void Citizen_languages_translate_the_citizen_page_texts_with_the_same_placeholders(string culture)
    {
        var da = Read("da");
        var translated = Read(culture);
        var citizenPage = da.Keys.Where(IsCitizenText).ToList();
        Assert.Contains("Submission.Required", citizenPage);
        Assert.All(citizenPage, key => Assert.True(translated.ContainsKey(key), $"{culture} lacks {key}"));
        Assert.All(translated, kv =>
        {
            Assert.True(da.ContainsKey(kv.Key), $"{culture} has {kv.Key}, which Danish does not");
            Assert.False(string.IsNullOrWhiteSpace(kv.Value), kv.Key);
            Assert.Equal(Placeholders(da[kv.Key]), Placeholders(kv.Value));
        });
    }

    /// <summary>Texts a citizen reads: everything under <c>Citizen.</c>, <c>Questionnaire.</c>, <c>Web.</c> (the open web
    /// questionnaire) and <c>Submission.</c> (validation messages that reach citizen pages), and the kiosk, tablet and layout texts
    /// shown on the citizen's screens. Staff-only texts on those screens (device setup, the tablet's staff step) are not.</summary>
    private static bool IsCitizenText(string key) =>
        key.Split('.')[0] is "Citizen" or "Questionnaire" or "Web" or "Submission"
        || key is "Layout.Language" or "Layout.ChangeLanguage" or "Kiosk.Title" or "Kiosk.Skip" or "Kiosk.Thanks" or "Kiosk.ThanksText"
            or "Tablet.Title" or "Tablet.GiveBack" or "Tablet.Next";

    [Fact]
    public void Every_text_on_a_citizen_only_page_counts_as_a_citizen_text()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Borgerpuls.slnx"))) dir = Path.GetDirectoryName(dir)!;
        var features = Path.Combine(dir, "src", "Borgerpuls", "Features");
        string[] pages = ["Shared/_CitizenLayout.cshtml", "Invitations/Answer.cshtml", "Web/Survey.cshtml", "Questionnaire/_Errors.cshtml",
            "Questionnaire/_LanguagePicker.cshtml", "Questionnaire/_Question.cshtml", "Questionnaire/_Questions.cshtml",
            "FollowUp/_Offer.cshtml", "FollowUp/Request.cshtml"];
        var used = pages.SelectMany(p => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(Path.Combine(features, p)), "T\\[\"([A-Za-z.]+)\"")
            .Select(m => m.Groups[1].Value)).Distinct().ToList();
        Assert.Contains("Questionnaire.Errors", used);
        // The web questionnaire of a mirror instrument is answered by staff, in Danish or English: its own texts are staff texts.
        Assert.All(used.Where(key => !key.StartsWith("Mirror.", StringComparison.Ordinal)), key => Assert.True(IsCitizenText(key), $"'{key}' is shown to citizens but not counted as a citizen text"));
        // Messages that the citizen pages build in code.
        Assert.All(new[] { "Questionnaire.ErrorQuestion", "Questionnaire.ErrorField", "Submission.TargetGroupNotAsked" }, key => Assert.True(Read("da").ContainsKey(key), key));
    }

    [Fact]
    public void Every_submission_message_the_code_names_exists()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Borgerpuls.slnx"))) dir = Path.GetDirectoryName(dir)!;
        var ingest = Path.Combine(dir, "src", "Borgerpuls", "Features", "Ingest");
        var used = new[] { "SubmissionValidator.cs", "ResponseBuilder.cs", "SubmitResponses.cs" }
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(Path.Combine(ingest, f)), "\"((?:Ingest|Submission)\\.[A-Za-z]+)\"").Select(m => m.Groups[1].Value))
            .Distinct().ToList();
        Assert.True(used.Count > 30, string.Join(", ", used));
        Assert.All(used, key => Assert.True(Read("da").ContainsKey(key) && Read("en").ContainsKey(key), $"'{key}' is used but missing from the resources"));
    }

    [Fact]
    public void Every_reason_a_results_question_is_refused_has_its_text_in_danish_and_english_and_no_text_is_left_unused()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Borgerpuls.slnx"))) dir = Path.GetDirectoryName(dir)!;
        var code = Directory.EnumerateFiles(Path.Combine(dir, "src", "Borgerpuls"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText).ToList();
        // Thrown with a key (new ResultsException("KEY", ...)) or handed on as one (index.IdOf(..., "Results.Error.UnknownSite")).
        var thrown = code.SelectMany(c => System.Text.RegularExpressions.Regex.Matches(c, "new ResultsException\\(\"([A-Za-z0-9.]+)\"").Select(m => m.Groups[1].Value));
        var named = code.SelectMany(c => System.Text.RegularExpressions.Regex.Matches(c, "\"(Results\\.Error\\.[A-Za-z0-9]+)\"").Select(m => m.Groups[1].Value));
        var used = thrown.Concat(named).Distinct().ToList();
        Assert.True(used.Count > 25, string.Join(", ", used));
        Assert.All(used, key => Assert.True(Read("da").ContainsKey(key) && Read("en").ContainsKey(key), $"'{key}' is thrown but missing from the resources"));
        Assert.Equal(Read("da").Keys.Where(k => k.StartsWith("Results.Error.", StringComparison.Ordinal)).Order(), used.Where(k => k.StartsWith("Results.Error.", StringComparison.Ordinal)).Order());
        // A message written in the code would reach the dashboard and the API in English only.
        Assert.DoesNotContain(code, c => c.Contains("new ResultsException($", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_audited_action_has_a_name_in_danish_and_english_and_the_code_writes_no_other()
    {
        Assert.True(Borgerpuls.Security.AuditActions.All.Count > 30);
        Assert.All(Borgerpuls.Security.AuditActions.All, code =>
            Assert.True(Read("da").ContainsKey("Audit.Action." + code) && Read("en").ContainsKey("Audit.Action." + code), $"audit action '{code}' has no name"));
        // Audit entries are written with the catalog's constants, never a literal the catalog does not know.
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Borgerpuls.slnx"))) dir = Path.GetDirectoryName(dir)!;
        var literals = Directory.EnumerateFiles(Path.Combine(dir, "src", "Borgerpuls"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "(?:WriteAsync|AuditShownAsync\\(audit,|Action =) ?\\(?\"[a-z.-]+\"").Select(m => $"{Path.GetFileName(f)}: {m.Value}"))
            .ToList();
        Assert.Empty(literals);
    }

    private static string[] Placeholders(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, "\\{\\d\\}").Select(m => m.Value).Order().ToArray();

    [Theory]
    [InlineData(Borgerpuls.Features.Results.PriorityMapUnavailable.TooFewQuestions)]
    [InlineData(Borgerpuls.Features.Results.PriorityMapUnavailable.TooFewAnswers)]
    public void Every_reason_the_priority_map_gives_has_its_one_text_for_the_dashboard_the_report_and_the_command_line(string reason)
    {
        foreach (var language in new[] { "da", "en" })
        {
            Assert.True(Read(language).ContainsKey(Borgerpuls.Features.Results.PriorityMapUnavailable.TextKey(reason)), $"{language}: {reason}");
        }
    }

    [Fact]
    public void Every_text_used_in_a_view_exists()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Borgerpuls.slnx"))) dir = Path.GetDirectoryName(dir)!;
        var used = Directory.EnumerateFiles(Path.Combine(dir, "src", "Borgerpuls", "Features"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "T\\[\"([A-Za-z.]+)\"").Select(m => m.Groups[1].Value))
            .Distinct().ToList();
        var da = Read("da");
        Assert.NotEmpty(used);
        Assert.All(used, key => Assert.True(da.ContainsKey(key), $"'{key}' is used in a view but missing from the resources"));
    }

    [Fact]
    public void Every_command_line_import_configuration_and_event_log_message_the_code_names_exists_in_danish_and_english_with_the_same_placeholders()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Borgerpuls.slnx"))) dir = Path.GetDirectoryName(dir)!;
        var used = Directory.EnumerateFiles(Path.Combine(dir, "src", "Borgerpuls"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "\"((?:Cli|Import\\.Error|Import\\.Create|Import\\.Format|Paper\\.Error|Schema\\.Error|Place\\.Error|Invite\\.Error|Declined\\.Error|FollowUp\\.Error|Comments\\.Quotes|Config\\.Error|ServiceEvents\\.Error|ServiceEvents\\.Column|Config\\.Thing|Config\\.Change)\\.[A-Za-z.]+)\"").Select(m => m.Groups[1].Value))
            .Distinct().ToList();
        var (da, en) = (Read("da"), Read("en"));
        Assert.True(used.Count > 60, $"{used.Count} keys found");
        Assert.All(used, key => Assert.True(da.ContainsKey(key), $"'{key}' is used in the code but missing from the resources"));
        Assert.All(used, key => Assert.Equal(Placeholders(da[key]), Placeholders(en[key])));
        // The Danish text is not the English one left untranslated.
        Assert.All(used.Where(k => k != "Cli.Report.Written"), key => Assert.NotEqual(en[key], da[key]));
        // A configuration or event-log problem worded in the resources but no longer raised is a text nobody reads.
        foreach (var prefix in new[] { "Config.Error.", "ServiceEvents.Error.", "ServiceEvents.Column." })
        {
            Assert.Equal(da.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(), used.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order());
        }
    }
}
