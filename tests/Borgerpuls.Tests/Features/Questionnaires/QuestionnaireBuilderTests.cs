using System.Net;
using Borgerpuls.Domain;
using Borgerpuls.Features.Configuration;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Features.Questionnaires;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Questionnaires;

/// <summary>The questionnaire builder on the demo organisation (presets: vive-7 with 7 questions, published as version 1, in
/// all seven citizen languages).</summary>
public sealed class QuestionnaireBuilderTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private BorgerpulsApp _app = null!;

    public async Task InitializeAsync() => (_database, _app) = await DemoOrganisation.StartAsync();

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    // Signed-in clients send the antiforgery token as a header (StaffLogin), so a form is its fields.
    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string Name, string Value)[] fields) =>
        client.PostAsync(url, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))));

    private static int DraftId(HttpResponseMessage created)
    {
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        Assert.StartsWith("/questionnaires/draft/", location);
        return int.Parse(location["/questionnaires/draft/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<InstrumentDraft> DraftAsync(int id)
    {
        await using var db = _database.Open();
        return await db.InstrumentDrafts.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    private async Task<HttpResponseMessage> QuestionAsync(HttpClient client, int id, int revision, params (string, string)[] fields) =>
        await PostAsync(client, $"/questionnaires/draft/{id}?handler=Question", [("Revision", revision.ToString(System.Globalization.CultureInfo.InvariantCulture)), .. fields]);

    private async Task<HttpResponseMessage> PublishAsync(HttpClient client, int id) =>
        await PostAsync(client, $"/questionnaires/draft/{id}?handler=Publish", ("Revision", (await DraftAsync(id)).Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private const string Satisfied = "Hvor tilfreds var du med samtalen?", Waiting = "Hvor længe ventede du?", Better = "Hvad kan vi gøre bedre?";

    /// <summary>A new questionnaire with a scale question on the existing scale tilfreds5, a single-choice question on a new
    /// scale of three options, and a free-text question.</summary>
    private async Task<int> BuildAsync(HttpClient analyst)
    {
        var id = DraftId(await PostAsync(analyst, "/questionnaires?handler=New", ("NameDa", "Samtalen på Holmen"), ("NameEn", "The meeting at Holmen")));
        Assert.Equal(HttpStatusCode.Redirect, (await QuestionAsync(analyst, id, 0, ("Q.Type", "Scale"), ("Q.TextDa", Satisfied),
            ("Q.TextEn", "How satisfied were you with the meeting?"), ("Q.Scale", "tilfreds5"), ("Q.Overall", "true"), ("Q.Theme", "samtale"), ("Q.Touchpoint", "Meeting"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await QuestionAsync(analyst, id, 1, ("Q.Type", "SingleChoice"), ("Q.TextDa", Waiting), ("Q.Scale", QuestionForm.NewScale),
            ("Q.ScaleNameDa", "Ventetid"), ("Q.Options[0].LabelDa", "Under 10 minutter"), ("Q.Options[0].Value", "1"), ("Q.Options[0].Polarity", "Positive"),
            ("Q.Options[1].LabelDa", "Over 10 minutter"), ("Q.Options[1].Value", "0"), ("Q.Options[1].Polarity", "Negative"),
            ("Q.Options[2].LabelDa", "Ved ikke"), ("Q.Options[2].Polarity", "Excluded"), ("Q.Options[3].LabelDa", ""))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await QuestionAsync(analyst, id, 2, ("Q.Type", "FreeText"), ("Q.TextDa", Better))).StatusCode);
        return id;
    }

    [Fact]
    public async Task A_new_questionnaire_is_built_translated_and_published_through_config_apply_and_the_citizen_page_asks_it()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        var id = await BuildAsync(analyst);

        var draft = await DraftAsync(id);
        Assert.Equal(("samtalen-paa-holmen", 3), (draft.InstrumentKey, draft.Revision));
        var content = DraftContent.Read(draft.Json);
        Assert.Equal(["hvor-tilfreds-var-du-med-samtalen", "hvor-laenge-ventede-du", "hvad-kan-vi-goere-bedre"], content.Instrument.Questions.Select(q => q.Key));
        Assert.Equal(("tilfreds5", "ventetid", null), (content.Instrument.Questions[0].Scale, content.Instrument.Questions[1].Scale, content.Instrument.Questions[2].Scale));
        var scale = Assert.Single(content.Scales);
        Assert.Equal(["under-10-minutter", "over-10-minutter", "ved-ikke"], scale.Options.Select(o => o.Code));
        Assert.Equal([1.0, 0.0, null], scale.Options.Select(o => o.Value));

        var page = await analyst.GetStringAsync($"/questionnaires/draft/{id}");
        Assert.Contains(Satisfied, page);
        Assert.Contains("Ventetid (ny i kladden)", page);
        // Texts: the name, 3 questions, the new scale's name and its 3 options = 8. English: the name and question 1 = 2.
        // Arabic: none yet.
        Assert.Contains("2 af 8 tekster oversat", await analyst.GetStringAsync($"/questionnaires/draft/{id}/translations?lang=en"));
        Assert.Contains("0 af 8 tekster oversat", await analyst.GetStringAsync($"/questionnaires/draft/{id}/translations?lang=ar"));
        var translated = await PostAsync(analyst, $"/questionnaires/draft/{id}/translations", ("Revision", "3"), ("Lang", "ar"),
            ("Texts[name]", "المقابلة في هولمن"), ("Texts[q:hvor-laenge-ventede-du]", "كم من الوقت انتظرت؟"), ("Texts[o:ventetid:ved-ikke]", "لا أعرف"), ("Texts[s:ventetid]", " "));
        Assert.Equal(HttpStatusCode.Redirect, translated.StatusCode);
        Assert.Contains("3 af 8 tekster oversat", await analyst.GetStringAsync($"/questionnaires/draft/{id}/translations?lang=ar"));
        var withGaps = await analyst.GetStringAsync($"/questionnaires/draft/{id}");
        Assert.Contains("Ikke færdigoversat:", withGaps); // shown, and publishing is still allowed

        var published = await PublishAsync(analyst, id);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("er offentliggjort som version 1.", await analyst.GetStringAsync("/questionnaires"));
        await using (var db = _database.Open())
        {
            Assert.False(await db.InstrumentDrafts.AnyAsync(d => d.Id == id));
            var version = await db.InstrumentVersions.Include(v => v.Questions).ThenInclude(q => q.Scale).SingleAsync(v => v.Instrument!.Key == "samtalen-paa-holmen");
            Assert.Equal(1, version.Number);
            Assert.Equal([(QuestionType.Scale, "tilfreds5"), (QuestionType.SingleChoice, "ventetid"), (QuestionType.FreeText, (string?)null)],
                version.Questions.OrderBy(q => q.Position).Select(q => (q.Type, q.Scale?.Key)));
            Assert.True(version.Questions.Single(q => q.Position == 0).IsOverall);
            Assert.Equal("كم من الوقت انتظرت؟", version.Questions.Single(q => q.Position == 1).Texts["ar"]);
            Assert.Equal(["questionnaire.draft.create", "questionnaire.draft.update", "questionnaire.draft.update", "questionnaire.draft.update", "questionnaire.draft.update", "questionnaire.publish"],
                await db.AuditEntries.Where(a => a.Action.StartsWith("questionnaire.")).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
            // config export now holds what was built in the web app.
            var exported = await ConfigExporter.ExportAsync(db);
            Assert.Equal(3, exported.Instruments.Single(i => i.Key == "samtalen-paa-holmen").Questions.Count);
            Assert.Contains(exported.Scales, s => s.Key == "ventetid");
            await ConfigApplier.ApplyAsync(db, new ConfigDocument
            {
                Campaigns = [new CampaignConfig("holmen-web", "Holmen på nettet", "samtalen-paa-holmen", Channel.Web, new DateOnly(2020, 1, 1)) { Status = CampaignStatus.Open }],
            });
        }

        // The citizen page learns of a new instrument within the reference-data age.
        var citizen = _app.CreateClient();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        HttpResponseMessage survey;
        while ((survey = await citizen.GetAsync("/s/holmen-web")).StatusCode != HttpStatusCode.OK && waited.Elapsed < Borgerpuls.Data.ReferenceData.MaxAge * 2)
        {
            await Task.Delay(250);
        }
        var html = await survey.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, survey.StatusCode);
        foreach (var expected in new[] { Satisfied, Waiting, Better, "Under 10 minutter", "Ved ikke", "name=\"a.hvad-kan-vi-goere-bedre\"" })
        {
            Assert.Contains(expected, html);
        }
    }

    [Fact]
    public async Task A_question_is_made_a_follow_up_of_an_earlier_one_never_of_a_later_one_and_is_published_so()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        var id = await BuildAsync(analyst);
        const string first = "hvor-tilfreds-var-du-med-samtalen", second = "hvor-laenge-ventede-du";

        // The first question cannot follow up the second: it comes before it.
        var refused = await QuestionAsync(analyst, id, 3, ("Q.Original", first), ("Q.Type", "Scale"), ("Q.TextDa", Satisfied), ("Q.Scale", "tilfreds5"), ("Q.ShowAfter", second));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("»hvor-laenge-ventede-du« er ikke et spørgsmål før dette", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(3, (await DraftAsync(id)).Revision);

        // The form offers only the questions before the one edited.
        var form = WebUtility.HtmlDecode(await analyst.GetStringAsync($"/questionnaires/draft/{id}?edit={second}"));
        var choices = System.Text.RegularExpressions.Regex.Match(form, "<select id=\"q-show-after\"[^>]*>(.*?)</select>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains($"<option value=\"{first}\">{Satisfied}</option>", choices);
        Assert.DoesNotContain(Better, choices);

        var saved = await QuestionAsync(analyst, id, 3, ("Q.Original", second), ("Q.Type", "SingleChoice"), ("Q.TextDa", Waiting), ("Q.Scale", "ventetid"), ("Q.ShowAfter", first));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(first, DraftContent.Read((await DraftAsync(id)).Json).Instrument.Questions[1].ShowAfter);
        Assert.Contains($"<option value=\"{first}\" selected=\"selected\">", await analyst.GetStringAsync($"/questionnaires/draft/{id}?edit={second}"));

        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(analyst, id)).StatusCode);
        await using var db = _database.Open();
        var questions = await db.InstrumentVersions.Where(v => v.Instrument!.Key == "samtalen-paa-holmen").SelectMany(v => v.Questions).OrderBy(q => q.Position).ToListAsync();
        Assert.Equal([null, first, null], questions.Select(q => q.ShowAfterKey));
    }

    [Fact]
    public async Task Bad_input_names_every_problem_in_Danish_and_writes_nothing_and_a_stale_revision_is_refused()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        var id = await BuildAsync(analyst);
        var before = await DraftAsync(id);

        var bad = await QuestionAsync(analyst, id, 3, ("Q.Type", "Scale"), ("Q.TextDa", "  "), ("Q.Key", "hvad-kan-vi-goere-bedre"), ("Q.Scale", ""), ("Q.Overall", "true"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        foreach (var expected in new[]
        {
            "Skriv spørgsmålets tekst på dansk.", "Nøglen »hvad-kan-vi-goere-bedre« bruges allerede af et andet spørgsmål i spørgeskemaet.",
            "Et spørgsmål af typen »Skala (fx meget enig – meget uenig)« skal have en skala – vælg en eller lav en ny.",
            $"Spørgeskemaet har allerede et spørgsmål om samlet tilfredshed: »{Satisfied}«.",
        })
        {
            Assert.Contains(expected, html);
        }
        var badScale = WebUtility.HtmlDecode(await (await QuestionAsync(analyst, id, 3, ("Q.Type", "MultipleChoice"), ("Q.TextDa", "Hvad brugte du?"), ("Q.Scale", "new"),
            ("Q.Options[0].LabelDa", "Telefon"), ("Q.Options[0].Polarity", "Positive"), ("Q.Options[1].Value", "x,5"), ("Q.Options[1].Polarity", "None"),
            ("Q.Options[2].LabelDa", "Brev"), ("Q.Options[2].Code", "Brev!"), ("Q.Options[2].Polarity", "None"))).Content.ReadAsStringAsync());
        foreach (var expected in new[]
        {
            "Giv den nye skala et navn på dansk.", "Svarmulighed 1 er positiv, neutral eller negativ og skal have en værdi (den bruges til gennemsnit).",
            "Svarmulighed 2 mangler en tekst på dansk.", "Værdien »x,5« for svarmulighed 2 er ikke et tal.",
            "Koden »Brev!« for svarmulighed 3 kan ikke bruges: brug små bogstaver a–z, tal og bindestreg.",
        })
        {
            Assert.Contains(expected, badScale);
        }
        var nameless = await PostAsync(analyst, "/questionnaires?handler=New", ("NameDa", " "));
        Assert.Equal(HttpStatusCode.BadRequest, nameless.StatusCode);
        Assert.Contains("Giv spørgeskemaet et navn på dansk.", await nameless.Content.ReadAsStringAsync());
        Assert.Equal((before.Revision, before.Json), ((await DraftAsync(id)).Revision, (await DraftAsync(id)).Json));

        // The same form sent twice: the second names a revision that is gone and is refused; one question is added.
        var extra = new[] { ("Q.Type", "FreeText"), ("Q.TextDa", "Andet?") };
        Assert.Equal(HttpStatusCode.Redirect, (await QuestionAsync(analyst, id, 3, extra)).StatusCode);
        var again = await QuestionAsync(analyst, id, 3, extra);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("Kladden er ændret af en anden – genindlæs siden", await again.Content.ReadAsStringAsync());
        var stale = await PostAsync(analyst, $"/questionnaires/draft/{id}?handler=Remove", ("Revision", "2"), ("key", "andet"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var after = DraftContent.Read((await DraftAsync(id)).Json);
        Assert.Equal(4, after.Instrument.Questions.Count);
        Assert.Single(after.Instrument.Questions, q => q.Texts["da"] == "Andet?");

        // Nothing at all was stored for the refused forms.
        await using var db = _database.Open();
        Assert.Equal(1, await db.InstrumentDrafts.CountAsync());
        Assert.Equal(4, await db.AuditEntries.CountAsync(a => a.Action == "questionnaire.draft.update"));
    }

    [Fact]
    public async Task Changing_a_published_questionnaire_makes_version_2_and_leaves_version_1_as_it_was()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        var id = DraftId(await PostAsync(analyst, "/questionnaires?handler=Edit", ("key", "vive-7")));
        Assert.Equal(id, DraftId(await PostAsync(analyst, "/questionnaires?handler=Edit", ("key", "vive-7")))); // one open draft per instrument
        var form = await analyst.GetStringAsync($"/questionnaires/draft/{id}?edit=samtale");
        Assert.Contains("name=\"Q.Original\" value=\"samtale\"", form);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(analyst, $"/questionnaires/draft/{id}?handler=Move", ("Revision", "0"), ("key", "samtale"), ("by", "1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await QuestionAsync(analyst, id, 1, ("Q.Type", "FreeText"), ("Q.TextDa", Better))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(analyst, id)).StatusCode);

        await using var db = _database.Open();
        var versions = await db.InstrumentVersions.Include(v => v.Questions).Where(v => v.Instrument!.Key == "vive-7").OrderBy(v => v.Number).ToListAsync();
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        var one = versions[0].Questions.OrderBy(q => q.Position).Select(q => q.Key).ToList();
        var two = versions[1].Questions.OrderBy(q => q.Position).Select(q => q.Key).ToList();
        Assert.Equal(7, one.Count);
        Assert.Equal("samtale", one[0]);
        Assert.Equal([one[1], "samtale", .. one.Skip(2), "hvad-kan-vi-goere-bedre"], two);
        Assert.Equal(versions[0].Questions.Single(q => q.Key == "samtale").Texts["ar"], versions[1].Questions.Single(q => q.Key == "samtale").Texts["ar"]);
        Assert.Contains("Version 2,", await analyst.GetStringAsync("/questionnaires"));
    }

    [Fact]
    public async Task A_draft_that_only_changes_a_translation_updates_version_1_in_place_and_makes_no_version_2()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        var id = DraftId(await PostAsync(analyst, "/questionnaires?handler=Edit", ("key", "vive-7")));
        var page = await analyst.GetStringAsync($"/questionnaires/draft/{id}/translations?lang=uk");
        Assert.Contains("8 af 8 tekster oversat", page); // the name and the 7 questions, all shipped in Ukrainian
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(analyst, $"/questionnaires/draft/{id}/translations", ("Revision", "0"), ("Lang", "uk"),
            ("Texts[q:samtale]", "Нове формулювання"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(analyst, id)).StatusCode);
        Assert.Contains("version 1 gælder fortsat", WebUtility.HtmlDecode(await analyst.GetStringAsync("/questionnaires")));
        await using var db = _database.Open();
        var version = await db.InstrumentVersions.Include(v => v.Questions).SingleAsync(v => v.Instrument!.Key == "vive-7");
        Assert.Equal("Нове формулювання", version.Questions.Single(q => q.Key == "samtale").Texts["uk"]);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "questionnaire.publish" && a.Details!.EndsWith("version 1 (unchanged)")));
    }

    [Fact]
    public async Task A_local_extension_asks_the_core_questions_first_and_a_mirror_starts_from_the_citizen_questions()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        var local = DraftId(await PostAsync(analyst, "/questionnaires?handler=Extend", ("key", "vive-7")));
        Assert.Equal(HttpStatusCode.Redirect, (await QuestionAsync(analyst, local, 0, ("Q.Type", "Scale"), ("Q.TextDa", "Hvor tilfreds er du med parkeringen?"), ("Q.Scale", "tilfreds5"))).StatusCode);
        var preview = await analyst.GetStringAsync($"/questionnaires/draft/{local}/preview?lang=da&view=tablet");
        Assert.Contains("preview-tablet", preview);
        Assert.Contains("<span class=\"number\">8.</span>", preview); // 7 core questions, then the local one
        Assert.True(preview.IndexOf("samtale", StringComparison.Ordinal) < preview.IndexOf("parkeringen", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(analyst, local)).StatusCode);

        var mirror = DraftId(await PostAsync(analyst, "/questionnaires?handler=Mirror", ("key", "borgeroplevelse-5")));
        var mirrorDraft = DraftContent.Read((await DraftAsync(mirror)).Json);
        Assert.Equal((InstrumentKind.Mirror, "borgeroplevelse-5", 6), (mirrorDraft.Instrument.Kind, mirrorDraft.Instrument.MirrorOf, mirrorDraft.Instrument.Questions.Count));
        Assert.Equal(HttpStatusCode.Redirect, (await QuestionAsync(analyst, mirror, 0, ("Q.Original", "hoert"), ("Q.Type", "Scale"),
            ("Q.TextDa", "Tror du, borgerne føler sig hørt?"), ("Q.Scale", mirrorDraft.Instrument.Questions[0].Scale!))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(analyst, mirror)).StatusCode);
        // VIVE's survey has its shipped mirror: asking for a mirror drafts that one's next version, not a second mirror.
        var viveMirror = await DraftAsync(DraftId(await PostAsync(analyst, "/questionnaires?handler=Mirror", ("key", "vive-7"))));
        Assert.Equal("vive-7-spejl", viveMirror.InstrumentKey);

        await using var db = _database.Open();
        var localVersion = await db.InstrumentVersions.SingleAsync(v => v.Instrument!.Key == "vive-7-lokal");
        var definition = await InstrumentCatalog.LoadAsync(db, localVersion.Id, default);
        var core = await InstrumentCatalog.LoadAsync(db, await db.InstrumentVersions.Where(v => v.Instrument!.Key == "vive-7").Select(v => v.Id).SingleAsync(), default);
        Assert.Equal([.. core.Questions.Select(q => q.Key), "hvor-tilfreds-er-du-med-parkeringen"], definition.Questions.Select(q => q.Key));
        var mirrorInstrument = await db.Instruments.Include(i => i.MirrorOf).SingleAsync(i => i.Key == "borgeroplevelse-5-spejl");
        Assert.Equal((InstrumentKind.Mirror, "borgeroplevelse-5"), (mirrorInstrument.Kind, mirrorInstrument.MirrorOf!.Key));
        var mirrorQuestion = await db.Questions.SingleAsync(q => q.Key == "hoert" && db.InstrumentVersions.Any(v => v.Id == q.InstrumentVersionId && v.InstrumentId == mirrorInstrument.Id));
        Assert.Equal("Tror du, borgerne føler sig hørt?", mirrorQuestion.Texts["da"]);
    }

    [Fact]
    public async Task The_same_draft_published_twice_at_once_makes_one_version()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        var id = await BuildAsync(analyst);
        var revision = (await DraftAsync(id)).Revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var both = await Task.WhenAll(
            PostAsync(analyst, $"/questionnaires/draft/{id}?handler=Publish", ("Revision", revision)),
            PostAsync(analyst, $"/questionnaires/draft/{id}?handler=Publish", ("Revision", revision)));
        Assert.Contains(both, r => r.StatusCode == HttpStatusCode.Redirect);
        var late = await PostAsync(analyst, $"/questionnaires/draft/{id}?handler=Publish", ("Revision", revision));
        Assert.Equal("/questionnaires", late.Headers.Location!.OriginalString); // the draft is gone: back to the list
        await using var db = _database.Open();
        Assert.Equal(1, await db.InstrumentVersions.CountAsync(v => v.Instrument!.Key == "samtalen-paa-holmen"));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "questionnaire.publish"));
    }

    [Fact]
    public async Task A_draft_without_questions_is_not_published_and_says_why_in_Danish()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        var id = DraftId(await PostAsync(analyst, "/questionnaires?handler=New", ("NameDa", "Tomt skema")));
        var refused = await PublishAsync(analyst, id);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Tilføj mindst ét spørgsmål, før spørgeskemaet offentliggøres.", await refused.Content.ReadAsStringAsync());
        await using var db = _database.Open();
        Assert.False(await db.Instruments.AnyAsync(i => i.Key == "tomt-skema"));
    }

    /// <summary>A problem the builder has no words of its own for is said as the configuration check says it, in the page's
    /// language: here a new scale's positive option that lost its value.</summary>
    [Fact]
    public async Task A_configuration_problem_of_a_draft_is_said_in_the_pages_language()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        var id = await BuildAsync(analyst);
        await using (var db = _database.Open())
        {
            var draft = await db.InstrumentDrafts.SingleAsync(d => d.Id == id);
            var content = DraftContent.Read(draft.Json);
            var scale = content.Scales.Single();
            draft.Json = (content with { Scales = [scale with { Options = [scale.Options[0] with { Value = null }, .. scale.Options.Skip(1)] }] }).Json;
            await db.SaveChangesAsync();
        }

        var danish = await PublishAsync(analyst, id);
        Assert.Equal(HttpStatusCode.BadRequest, danish.StatusCode);
        Assert.Contains("En ny skala i kladden kan ikke gemmes: Svarmuligheder i basen (positiv, neutral, negativ) skal have en talværdi, så gennemsnit kan beregnes.",
            await danish.Content.ReadAsStringAsync());
        var english = await PostAsync(analyst, $"/questionnaires/draft/{id}?handler=Publish&culture=en&ui-culture=en",
            ("Revision", (await DraftAsync(id)).Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.BadRequest, english.StatusCode);
        Assert.Contains("A new scale of the draft cannot be stored: Options in the base (positive, neutral, negative) need a numeric value for means.",
            await english.Content.ReadAsStringAsync());
        await using var after = _database.Open();
        Assert.False(await after.Instruments.AnyAsync(i => i.Key == "samtalen-paa-holmen"));
    }

    [Fact]
    public async Task The_pages_read_in_English_and_other_staff_roles_are_sent_to_access_denied()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        var id = await BuildAsync(analyst);
        var english = new[]
        {
            (await analyst.GetStringAsync("/questionnaires?culture=en&ui-culture=en"), "New questionnaire"),
            (await analyst.GetStringAsync($"/questionnaires/draft/{id}?culture=en&ui-culture=en"), "Add question"),
            (await analyst.GetStringAsync($"/questionnaires/draft/{id}/translations?lang=uk&culture=en&ui-culture=en"), "0 of 8 texts translated"),
            (await analyst.GetStringAsync($"/questionnaires/draft/{id}/preview?lang=en&view=kiosk&culture=en&ui-culture=en"), "How satisfied were you with the meeting?"),
        };
        foreach (var (html, expected) in english)
        {
            Assert.Contains(expected, html);
            Assert.DoesNotContain("Builder.", html);
        }
        var preview = english[3].Item1;
        Assert.Contains("preview-kiosk", preview);
        Assert.DoesNotContain("method=\"post\"", preview); // nothing in a preview can store an answer
        Assert.Contains("href=\"/questionnaires\"", await analyst.GetStringAsync("/dashboard"));

        var admin = await _app.SignedInClientAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/questionnaires/draft/{id}")).StatusCode);
        foreach (var role in new[] { Roles.Manager, Roles.Committee })
        {
            var client = await _app.SignedInClientAsync(role, "jc-nord");
            foreach (var page in new[] { "/questionnaires", $"/questionnaires/draft/{id}", $"/questionnaires/draft/{id}/translations?lang=en", $"/questionnaires/draft/{id}/preview" })
            {
                var denied = await client.GetAsync(page);
                Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
                Assert.Equal("/access-denied", denied.Headers.Location!.AbsolutePath);
            }
            var post = await PostAsync(client, $"/questionnaires/draft/{id}?handler=Publish", ("Revision", "3"));
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
            Assert.Equal("/access-denied", post.Headers.Location!.AbsolutePath);
            Assert.DoesNotContain("href=\"/questionnaires\"", await client.GetStringAsync("/dashboard"));
        }
        await using var db = _database.Open();
        Assert.False(await db.Instruments.AnyAsync(i => i.Key == "samtalen-paa-holmen"));
    }
}
