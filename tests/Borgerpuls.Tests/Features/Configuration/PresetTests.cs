using Borgerpuls.Domain;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Configuration;

/// <summary>The shipped presets must match SPEC §4 and the seeds word for word: they are what results are compared across.</summary>
public sealed class PresetTests
{
    private static async Task<List<Question>> QuestionsAsync(Borgerpuls.Data.BorgerpulsDb db, string instrument) =>
        await db.Questions.Include(q => q.Scale).ThenInclude(s => s!.Options)
            .Where(q => db.InstrumentVersions.Any(v => v.Id == q.InstrumentVersionId && v.Instrument!.Key == instrument))
            .OrderBy(q => q.Position).ToListAsync();

    [Fact]
    public async Task Vive7_has_seed_004s_seven_questions_in_order_with_their_scales()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await database.MigratedAsync();
        var questions = await QuestionsAsync(db, "vive-7");

        Assert.Equal(["samtale", "behandling", "spoerge", "naeste", "bidraget", "fremdrift", "inddrager"], questions.Select(q => q.Key));
        Assert.Equal(["tilfreds5", "godt5", "grad5", "grad5", "grad5", "grad5", "grad5"], questions.Select(q => q.Scale!.Key));
        Assert.Equal("Hvor tilfreds er du med den samtale, du lige har haft med din sagsbehandler?", questions[0].Texts["da"]);
        Assert.Equal("Synes du, at din sagsbehandler inddrager dig?", questions[6].Texts["da"]);
        Assert.All(questions, q => Assert.False(string.IsNullOrWhiteSpace(q.Texts["en"])));
    }

    [Fact]
    public async Task The_VIVE_mirror_asks_staff_the_same_questions_with_the_same_scales()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await database.MigratedAsync();
        var citizen = await QuestionsAsync(db, "vive-7");
        var mirror = await QuestionsAsync(db, "vive-7-spejl");
        var instrument = await db.Instruments.Include(i => i.MirrorOf).SingleAsync(i => i.Key == "vive-7-spejl");

        Assert.Equal(InstrumentKind.Mirror, instrument.Kind);
        Assert.Equal("vive-7", instrument.MirrorOf!.Key);
        Assert.Equal(citizen.Select(q => (q.Key, q.Scale!.Key)), mirror.Select(q => (q.Key, q.Scale!.Key)));
        Assert.Equal("Tror du, borgerne synes, at deres sagsbehandler inddrager dem?", mirror[6].Texts["da"]);
        Assert.All(mirror, q => Assert.False(string.IsNullOrWhiteSpace(q.Texts["en"])));
    }

    [Fact]
    public async Task Scales_have_spec_values_and_polarities()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await database.MigratedAsync();
        var grad5 = await db.Scales.Include(s => s.Options).SingleAsync(s => s.Key == "grad5");
        var options = grad5.Options.OrderBy(o => o.Position).ToList();

        Assert.Equal(["5", "4", "3", "2", "1", "ved-ikke"], options.Select(o => o.Code));
        Assert.Equal(["I høj grad", "I nogen grad", "Hverken i høj eller lav grad", "I mindre grad", "I lav grad", "Ved ikke"], options.Select(o => o.Labels["da"]));
        Assert.Equal([Polarity.Positive, Polarity.Positive, Polarity.Neutral, Polarity.Negative, Polarity.Negative, Polarity.Excluded], options.Select(o => o.Polarity));
        Assert.Equal([5.0, 4, 3, 2, 1], options.Take(5).Select(o => o.Value!.Value));
        Assert.Null(options[5].Value);

        var delvist = await db.Scales.Include(s => s.Options).SingleAsync(s => s.Key == "delvist5");
        Assert.Equal("Delvist tilfreds", delvist.Options.Single(o => o.Code == "3").Labels["da"]);
        Assert.DoesNotContain(delvist.Options, o => o.Polarity == Polarity.Excluded);

        var smiley = await db.Scales.Include(s => s.Options).SingleAsync(s => s.Key == "smiley4");
        Assert.Equal([Polarity.Positive, Polarity.Positive, Polarity.Negative, Polarity.Negative], smiley.Options.OrderBy(o => o.Position).Select(o => o.Polarity));
    }

    [Fact]
    public async Task Borgeroplevelse5_smiley_and_brugerundersoegelse15_match_spec()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await database.MigratedAsync();

        var exit = await QuestionsAsync(db, "borgeroplevelse-5");
        Assert.Equal(["hoert", "faelles", "tror", "forskel", "fremdrift", "kommentar"], exit.Select(q => q.Key));
        Assert.Equal("Følte du dig hørt og anerkendt i dag?", exit[0].Texts["da"]);
        Assert.Equal("Oplever du, at der er fremdrift i din sag, og at der bliver fulgt op?", exit[4].Texts["da"]);
        Assert.Equal(QuestionType.FreeText, exit[5].Type);

        var smiley = await QuestionsAsync(db, "smiley");
        Assert.Equal("Hvordan var dit besøg i jobcentret i dag?", smiley[0].Texts["da"]);
        Assert.Equal(QuestionType.SingleChoice, smiley[1].Type);
        Assert.Equal(["Ventetiden", "Modtagelsen", "Samtalen med min sagsbehandler", "Information og breve", "Fremdrift i min sag", "Andet"],
            smiley[1].Scale!.Options.OrderBy(o => o.Position).Select(o => o.Labels["da"]));

        var survey = await QuestionsAsync(db, "brugerundersoegelse-15");
        Assert.Equal(16, survey.Count);
        Assert.Equal("samlet", survey.Single(q => q.IsOverall).Key);
        Assert.Equal("delvist5", survey[0].Scale!.Key);
        Assert.Equal(["styrker", "samlede-situation", "venlighed", "information", "forberedt", "inddrager-andre", "breve", "svar",
            "goer-sit-bedste", "tydeligt-maal", "loebende-kontakt", "aktiviteter-bidrager", "medbestemmelse", "sammenhaeng"],
            survey.Skip(1).Take(14).Select(q => q.Key));
    }

    [Fact]
    public async Task Target_group_taxonomy_and_sets_are_the_spec_presets()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await database.MigratedAsync();

        Assert.Equal(["jobparat", "uddannelsesparat", "dagpenge", "aktivitetsparat", "sygedagpenge", "jobafklaring", "ressourceforloeb", "fleksjob", "revalidering"],
            await db.TargetGroups.OrderBy(t => t.Position).Select(t => t.Key).ToListAsync());
        var sets = await db.TargetGroupSets.Include(s => s.Members).ToDictionaryAsync(s => s.Key);
        Assert.Equal(["dagpenge", "jobparat", "uddannelsesparat"], sets["job-og-uddannelsesparate"].Members.Select(m => m.Key).Order());
        Assert.Equal(["aktivitetsparat", "fleksjob", "jobafklaring", "ressourceforloeb", "revalidering", "sygedagpenge"], sets["udsatte"].Members.Select(m => m.Key).Order());
    }
}
