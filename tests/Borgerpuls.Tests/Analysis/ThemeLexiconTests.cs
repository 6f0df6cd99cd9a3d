using Borgerpuls.Analysis.Themes;

namespace Borgerpuls.Tests.Analysis;

public sealed class ThemeLexiconTests
{
    private static readonly ThemeLexicon Lexicon = ThemeLexicon.Default;

    [Theory]
    [InlineData("Jeg forstod ikke brevet fra jer", "breve-og-sprog")]
    [InlineData("Brevene er skrevet i et sprog, ingen kan forstå", "breve-og-sprog")]
    [InlineData("Jeg kan ikke finde indkaldelsen i e-Boks", "breve-og-sprog")]
    [InlineData("Skriv det dog på dansk i stedet for alle de forfinede ord", "breve-og-sprog")]
    [InlineData("Jeg har fået ny sagsbehandler tre gange", "sagsbehandlerskift")]
    [InlineData("Jeg har fået ny sagsbehandler tre gange og skal forklare det hele forfra", "sagsbehandlerskift")]
    [InlineData("Jeg har haft fire forskellige sagsbehandlere på et år", "sagsbehandlerskift")]
    [InlineData("De skiftede sagsbehandler igen, og jeg måtte starte forfra", "sagsbehandlerskift")]
    [InlineData("Ventetiden i telefonen var over en time", "ventetid-og-uvished,kontakt-og-telefon")]
    [InlineData("Det er forfærdeligt at leve i uvished", "ventetid-og-uvished")]
    [InlineData("Jeg har ikke hørt noget i tre måneder", "ventetid-og-uvished")]
    [InlineData("Det tager lang tid at få en laegeerklaering", "ventetid-og-uvished,laegeerklaeringer")]
    [InlineData("Ingen ringede tilbage, selv om jeg lagde besked", "kontakt-og-telefon")]
    [InlineData("Jeg kunne ikke komme igennem på telefonen og fik aldrig svar på min mail", "kontakt-og-telefon")]
    [InlineData("Jeg følte mig talt ned til, og hun troede ikke på mig", "respekt-og-tillid")]
    [InlineData("Jeg blev mødt i øjenhøjde og med respekt", "respekt-og-tillid")]
    [InlineData("Min sagsbehandler havde ikke læst min sag og var slet ikke forberedt", "forberedelse")]
    [InlineData("Jeg skal svare på de samme spørgsmål hver gang", "forberedelse")]
    [InlineData("Jobcentret og psykiatrien taler ikke sammen, og jeg bliver sendt rundt", "samarbejde-paa-tvaers")]
    [InlineData("De underkendte min lægeerklæring fra psykiateren", "laegeerklaeringer")]
    [InlineData("Jeg ved ikke hvordan man klager, og ingen fortalte mig at jeg kunne få en bisidder", "rettigheder-og-klage")]
    [InlineData("Jeg vidste ikke, at jeg måtte tage en bisidder med", "rettigheder-og-klage")]
    [InlineData("Venteværelset er slidt, og alle kan høre hvad man siger i skranken", "fysiske-rammer")]
    [InlineData("Der sker ikke noget i min sag, og jeg føler, at jeg går i ring", "fremdrift")]
    [InlineData("Endelig en plan, så jeg kan komme videre", "fremdrift")]
    public void Realistic_comments_get_the_expected_themes(string comment, string expected) =>
        Assert.Equal(expected.Split(','), Lexicon.Classify(comment));

    [Theory]
    [InlineData("Jeg har haft fire forskellige sagsbehandlere, og ingen af dem havde sat sig ind i min sag",
        "sagsbehandlerskift,forberedelse")]
    [InlineData("Min nye sagsbehandler ringede ikke tilbage, og jeg venter stadig på en afgørelse",
        "ventetid-og-uvished,sagsbehandlerskift,kontakt-og-telefon,rettigheder-og-klage")]
    [InlineData("Lægen skrev en erklæring, men kommunen lyttede ikke, og nu står min sag stille",
        "respekt-og-tillid,laegeerklaeringer")]
    public void A_comment_may_get_several_themes_in_definition_order(string comment, string expected) =>
        Assert.Equal(expected.Split(','), Lexicon.Classify(comment));

    [Theory]
    [InlineData("Tak for i dag")]
    [InlineData("Tak for en god dag")]
    [InlineData("Alt var fint")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("Jeg kunne lige så godt have sendt en brevdue")] // "brev" finds inflections, not compounds
    public void Comments_without_a_theme_word_get_none(string? comment) =>
        Assert.Empty(Lexicon.Classify(comment));

    [Fact]
    public void A_word_with_two_meanings_is_counted_for_the_theme()
    {
        // "ringe" is both "to phone" and "little" (i ringe grad); a word list cannot tell them apart and errs towards the theme.
        Assert.Equal(["kontakt-og-telefon"], Lexicon.Classify("Det hjalp i ringe grad"));
    }

    [Theory]
    [InlineData("Jeg forstaar ikke brevene", "breve-og-sprog")] // aa for å
    [InlineData("Laegeerklaeringen blev tilsidesat", "laegeerklaeringer")] // ae for æ
    [InlineData("Ingen stoette fra bostoette", "samarbejde-paa-tvaers")] // oe for ø
    [InlineData("BREVET VAR HELT UFORSTÅELIGT", "breve-og-sprog")]
    [InlineData("Ny Sagsbehandler igen!", "sagsbehandlerskift")]
    [InlineData("Sagsbehandlerskiftet var hårdt", "sagsbehandlerskift")] // starred stem finds the inflected compound
    [InlineData("Telefontiden er for kort", "kontakt-og-telefon")]
    [InlineData("Jeg fik aldrig en sms'en", "kontakt-og-telefon")]
    [InlineData("Mødet blev indkaldt med kort\nvarsel", "forberedelse")] // a line break joins words like a space
    [InlineData("Jeg er blevet kastet rundt", "samarbejde-paa-tvaers")] // kaste + t
    [InlineData("Min laege og min praktiserende læge", "laegeerklaeringer")]
    [InlineData("Jeg klagede til Ankestyrelsen og fik medhold", "rettigheder-og-klage")]
    [InlineData("\u0644\u0627 Jeg forst\u00E5r ikke brevet", "breve-og-sprog")] // other scripts around Danish
    [InlineData("Bre\u0301vet", "breve-og-sprog")] // accents are dropped
    public void Matching_is_case_insensitive_and_danish_aware(string comment, string expected) =>
        Assert.Equal(expected.Split(','), Lexicon.Classify(comment));

    [Theory]
    [InlineData("Jeg fik en ny. Sagsbehandleren var sød")] // a phrase does not run across punctuation
    [InlineData("Jeg fik en ny, sagsbehandleren sagde det")]
    [InlineData("Nye regler for sagsbehandlere")] // words not in a row
    public void Phrases_need_their_words_in_a_row(string comment) =>
        Assert.DoesNotContain("sagsbehandlerskift", Lexicon.Classify(comment));

    [Fact]
    public void Redaction_placeholders_are_not_words()
    {
        Assert.Empty(Lexicon.Classify("Du kan nå mig på [TELEFON] eller [EMAIL]. Mit cpr er [CPR]."));
        Assert.Equal(["kontakt-og-telefon"], Lexicon.Classify("Skriv en [EMAIL] eller en mail til mig"));
        // The placeholder also breaks a phrase: "ny [CPR] sagsbehandler" is not "ny sagsbehandler".
        Assert.Empty(Lexicon.Classify("ny [CPR] sagsbehandler"));
    }

    [Fact]
    public void Find_tells_which_words_made_the_theme()
    {
        const string text = "Ventetiden i telefonen var lang. Jeg fik ny sagsbehandler.";
        var hits = Lexicon.Find(text);
        Assert.Equal(
            [("ventetid-og-uvished", "ventetid*", "Ventetiden"), ("kontakt-og-telefon", "telefon*", "telefonen"), ("sagsbehandlerskift", "ny sagsbehandler", "ny sagsbehandler")],
            hits.Select(h => (h.Key, h.Term, text.Substring(h.Start, h.Length))));
    }

    [Fact]
    public void Presets_are_the_eleven_themes_of_seed_003()
    {
        Assert.Same(ThemePresets.All, ThemeLexicon.Presets);
        Assert.Equal(
            ["breve-og-sprog", "ventetid-og-uvished", "sagsbehandlerskift", "kontakt-og-telefon", "respekt-og-tillid", "forberedelse",
             "samarbejde-paa-tvaers", "laegeerklaeringer", "rettigheder-og-klage", "fysiske-rammer", "fremdrift"],
            ThemeLexicon.Presets.Select(d => d.Key));
        Assert.Equal(
            ["Breve og sprog", "Ventetid og uvished", "Sagsbehandlerskift", "Kontakt og telefon", "Respekt og tillid", "Forberedelse",
             "Samarbejde på tværs", "Lægeerklæringer", "Rettigheder og klage", "Fysiske rammer", "Fremdrift"],
            ThemeLexicon.Presets.Select(d => d.NameDa));
        Assert.Empty(ThemeLexicon.Problems(ThemeLexicon.Presets));
        Assert.Equal(ThemeLexicon.Presets, Lexicon.Themes);
        foreach (var theme in ThemeLexicon.Presets)
        {
            Assert.InRange(theme.Terms.Count, 10, 25);
            Assert.False(string.IsNullOrWhiteSpace(theme.NameEn));
            Assert.Equal(theme.Terms.Count, theme.Terms.Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Fact]
    public void Every_preset_term_finds_itself()
    {
        foreach (var theme in ThemeLexicon.Presets)
        {
            foreach (var term in theme.Terms)
            {
                var text = "Borgeren skrev: " + term.Replace("*", "", StringComparison.Ordinal) + ".";
                Assert.True(Lexicon.Classify(text).Contains(theme.Key), $"{theme.Key}: '{term}'");
            }
        }
    }

    [Fact]
    public void A_custom_lexicon_keeps_definition_order_and_the_term_syntax()
    {
        var lexicon = new ThemeLexicon(
        [
            new("b", "B", "B", ["kaffe*"]),
            new("a", "A", "A", ["brev", "vente"]),
            new("c", "C", "C", ["brev*", "sms-besked"]),
            new("tom", "Tom", "Empty", []),
        ]);
        Assert.Equal(["b", "a", "c"], lexicon.Classify("Brevene kom, mens jeg drak kaffen"));
        Assert.Equal(["c"], lexicon.Classify("Brevdue"));
        Assert.Equal(["a", "c"], lexicon.Classify("Jeg ventede på et brev"));
        Assert.Equal(["c"], lexicon.Classify("en sms besked"));
        Assert.Equal(["c"], lexicon.Classify("en SMS-besked"));
        Assert.Empty(lexicon.Classify("abrev og smsbesked og et kærestebrev"));
        Assert.Equal(["b", "a", "c", "tom"], lexicon.Themes.Select(t => t.Key));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("*", "no letters")]
    [InlineData("!!", "no letters")]
    [InlineData("ikke, hørt", "spaces and hyphens only")]
    [InlineData("br*ev", "may only end a word")]
    [InlineData("brev**", "may only end a word")]
    public void Bad_terms_are_reported_and_refused(string term, string problem)
    {
        ThemeDefinition[] definitions = [new("x", "X", "X", [term])];
        Assert.Contains(ThemeLexicon.Problems(definitions), p => p.Contains(problem, StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => new ThemeLexicon(definitions));
    }

    [Fact]
    public void Duplicate_and_missing_keys_are_reported()
    {
        var problems = ThemeLexicon.Problems([new("x", "X", "X", ["a"]), new("x", "Y", "Y", ["b"]), new(" ", "Z", "Z", ["c"]), new("y", "", "Y", ["d"])]);
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("more than one", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("no key", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("no Danish name", StringComparison.Ordinal));
    }

    [Fact]
    public void A_theme_without_terms_from_configuration_is_accepted()
    {
        var lexicon = new ThemeLexicon([new ThemeDefinition("manuel", "Manuel", "Manual", null!)]);
        Assert.Empty(lexicon.Classify("brev"));
    }

    [Fact]
    public void A_long_comment_gets_every_theme_it_speaks_of_once()
    {
        // Speed is measured by the benchmarks, not here; a long, repetitive comment must still give each theme once.
        var comment = string.Concat(Enumerable.Repeat("Jeg har ventet længe på svar fra min nye sagsbehandler om lægeerklæringen. ", 25));
        Assert.Equal(["laegeerklaeringer", "sagsbehandlerskift", "ventetid-og-uvished"], Lexicon.Classify(comment).Order());
    }
}
