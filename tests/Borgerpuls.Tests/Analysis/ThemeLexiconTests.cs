using Borgerpuls.Analysis.Themes;

namespace Borgerpuls.Tests.Analysis;

public sealed class ThemeLexiconTests
{
    [Theory]
    [InlineData("Jeg forstod ikke brevet fra jer", "breve-og-sprog")]
    [InlineData("Jeg har fået ny sagsbehandler tre gange og skal forklare det hele forfra", "sagsbehandlerskift")]
    [InlineData("Ventetiden i telefonen var over en time", "ventetid-og-uvished", "kontakt-og-telefon")]
    [InlineData("Min sagsbehandler havde ikke læst min sag inden mødet", "forberedelse")]
    [InlineData("Jeg vidste ikke, at jeg måtte tage en bisidder med", "rettigheder-og-klage")]
    [InlineData("Det tager lang tid at få en laegeerklaering", "ventetid-og-uvished", "laegeerklaeringer")]
    [InlineData("Tak for en god dag")]
    public void Comments_get_the_themes_of_their_words(string comment, params string[] expected)
    {
        Assert.Equal(expected, ThemeLexicon.Presets.Classify(comment));
    }

    [Fact]
    public void A_stem_matches_longer_words_but_not_inside_other_words()
    {
        var lexicon = new ThemeLexicon([new ThemeDefinition("t", "T", "T", ["brev"])]);
        Assert.Equal(["t"], lexicon.Classify("Brevene kom for sent"));
        Assert.Empty(lexicon.Classify("Et kærestebrev"));
    }

    [Fact]
    public void Presets_cover_the_eleven_themes_of_seed_003()
    {
        Assert.Equal(11, ThemePresets.All.Count);
        Assert.Contains(ThemePresets.All, t => t.NameDa == "Sagsbehandlerskift");
        Assert.All(ThemePresets.All, t => Assert.True(t.Terms.Count >= 5));
    }
}
