using System.Text.Json;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Configuration;
using Borgerpuls.Features.Results;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Borgerpuls.Tests.Infrastructure.Responses;

namespace Borgerpuls.Tests.Features.Configuration;

/// <summary>The presets speak every citizen language, and a database created before the translations existed receives them
/// on its next migrate without a new instrument version, so its figures stay one series.</summary>
public sealed class PresetTranslationTests
{
    private static readonly string[] Languages = ["da", "en", "ar", "uk", "so", "tr", "pl"];

    private static IEnumerable<(string Where, Dictionary<string, string> Texts)> AllTexts(ConfigDocument doc) =>
        doc.TargetGroups.Select(t => ($"target group {t.Key}", t.Names))
            .Concat(doc.TargetGroupSets.Select(s => ($"set {s.Key}", s.Names)))
            .Concat(doc.Scales.Select(s => ($"scale {s.Key}", s.Names)))
            .Concat(doc.Scales.SelectMany(s => s.Options.Select(o => ($"scale {s.Key} option {o.Code}", o.Labels))))
            .Concat(CitizenInstruments(doc).Select(i => ($"instrument {i.Key}", i.Names)))
            .Concat(CitizenInstruments(doc).SelectMany(i => i.Questions.Select(q => ($"question {i.Key}.{q.Key}", q.Texts))));

    /// <summary>Citizens answer in their own language; staff answer mirror instruments in Danish or English.</summary>
    private static IEnumerable<InstrumentConfig> CitizenInstruments(ConfigDocument doc) => doc.Instruments.Where(i => i.Kind != InstrumentKind.Mirror);

    [Fact]
    public void A_mirror_preset_is_in_Danish_and_English()
    {
        var mirrors = Presets.Get().Instruments.Where(i => i.Kind == InstrumentKind.Mirror).ToList();
        Assert.NotEmpty(mirrors);
        Assert.All(mirrors.SelectMany(i => i.Questions.Select(q => q.Texts).Append(i.Names)), texts => Assert.All(new[] { "da", "en" }, l =>
            Assert.False(string.IsNullOrWhiteSpace(texts.GetValueOrDefault(l)))));
    }

    /// <summary>The presets as shipped before they were translated: Danish and English only.</summary>
    private static ConfigDocument DanishAndEnglishOnly()
    {
        var doc = ConfigJson.Parse(ConfigJson.Write(Presets.Get()));
        foreach (var (_, texts) in AllTexts(doc))
        {
            foreach (var language in texts.Keys.Where(l => l is not ("da" or "en")).ToList()) texts.Remove(language);
        }
        return doc;
    }

    private static readonly ConfigDocument Organisation = new()
    {
        Municipalities = [new MunicipalityConfig("aabaek", "Aabæk Kommune") { JobCentres = [new JobCentreConfig("jc-centrum", "Centrum") { Sites = [new SiteConfig("sjaellandsgade", "Sjællandsgade")] }] }],
    };

    [Fact]
    public void Every_preset_text_is_in_all_seven_languages()
    {
        Assert.All(AllTexts(Presets.Get()), item => Assert.All(Languages, language =>
            Assert.False(string.IsNullOrWhiteSpace(item.Texts.GetValueOrDefault(language)), $"{item.Where} lacks {language}")));
    }

    [Fact]
    public async Task An_existing_database_gets_the_translations_on_migrate_in_the_same_versions_with_unchanged_results()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.Open())
        {
            await db.Database.MigrateAsync();
            await ConfigApplier.ApplyAsync(db, DanishAndEnglishOnly(), ApplyMode.OnlyMissing);
            await ConfigApplier.ApplyAsync(db, Organisation);
            // The municipality has its own English wording of one question; a newer preset must not overwrite it.
            var own = DanishAndEnglishOnly();
            var vive = own.Instruments.Single(i => i.Key == "vive-7");
            vive.Questions[0].Texts["en"] = "How did the talk with your caseworker go?";
            var applied = await ConfigApplier.ApplyAsync(db, new ConfigDocument { Scales = own.Scales, Instruments = [vive] });
            Assert.Equal(["instrument vive-7: version 1 translations updated"], applied.Changes.Select(c => c.ToString()));
        }
        await WriteAsync(database, Repeat(7, new Spec("vive-7", new() { ["samtale"] = "5", ["behandling"] = "2" }) { TargetGroup = "jobparat" })
            .Concat(Repeat(6, new Spec("vive-7", new() { ["samtale"] = "1", ["spoerge"] = "ved-ikke" }) { TargetGroup = "fleksjob" })));
        var before = await ResultsJsonAsync(database);
        var versionsBefore = await VersionsAsync(database);

        await using (var db = await database.MigratedAsync())
        {
            var questions = await db.Questions.Where(q => db.InstrumentVersions.Any(v => v.Id == q.InstrumentVersionId && v.Instrument!.Key == "vive-7")).OrderBy(q => q.Position).ToListAsync();
            var shipped = Presets.Get().Instruments.Single(i => i.Key == "vive-7").Questions;
            Assert.Equal(shipped[0].Texts["ar"], questions[0].Texts["ar"]);
            Assert.Equal("How did the talk with your caseworker go?", questions[0].Texts["en"]);
            Assert.All(questions.Zip(shipped), p => Assert.All(Languages, l => Assert.Equal(l == "en" && p.First.Key == "samtale" ? p.First.Texts["en"] : p.Second.Texts[l], p.First.Texts[l])));
            var grad5 = await db.Scales.Include(s => s.Options).SingleAsync(s => s.Key == "grad5");
            Assert.Equal("Значною мірою", grad5.Options.Single(o => o.Code == "5").Labels["uk"]);
            Assert.Equal("Obywatele w trudnej sytuacji", (await db.TargetGroupSets.SingleAsync(s => s.Key == "udsatte")).Names["pl"]);
            Assert.Equal("Fleksjob", (await db.TargetGroups.SingleAsync(t => t.Key == "fleksjob")).Names["da"]);
            Assert.Equal("Esnek iş", (await db.TargetGroups.SingleAsync(t => t.Key == "fleksjob")).Names["tr"]);
            Assert.Equal("Smileystander", (await db.Instruments.SingleAsync(i => i.Key == "smiley")).Names["da"]);
            Assert.Equal("Qalabka wajiyada", (await db.Instruments.SingleAsync(i => i.Key == "smiley")).Names["so"]);
            Assert.Contains(await db.AuditEntries.Select(a => a.Details).ToListAsync(), d => d != null && d.Contains("instrument vive-7: version 1 translations added", StringComparison.Ordinal));

            // Nothing left to add, and the stored hashes match the stored texts: applying the export again publishes nothing.
            Assert.Empty((await Presets.EnsureAsync(db)).Changes);
            Assert.Empty((await ConfigApplier.ApplyAsync(db, await ConfigExporter.ExportAsync(db))).Changes);
        }
        Assert.Equal(versionsBefore, await VersionsAsync(database));
        Assert.Equal(before, await ResultsJsonAsync(database));
    }

    [Fact]
    public async Task A_changed_danish_text_is_a_new_version_but_a_changed_translation_is_not()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await database.MigratedAsync();
        var doc = ConfigJson.Parse(ConfigJson.Write(Presets.Get()));
        var smiley = doc.Instruments.Single(i => i.Key == "smiley");

        smiley.Questions[0].Texts["ar"] = "كيف كانت زيارتك اليوم؟";
        Assert.Equal(["instrument smiley: version 1 translations updated"], (await ConfigApplier.ApplyAsync(db, new ConfigDocument { Scales = doc.Scales, Instruments = [smiley] })).Changes.Select(c => c.ToString()));

        smiley.Questions[0].Texts["da"] = "Hvordan var dit besøg hos os i dag?";
        Assert.Equal(["instrument smiley: version 2 published"], (await ConfigApplier.ApplyAsync(db, new ConfigDocument { Scales = doc.Scales, Instruments = [smiley] })).Changes.Select(c => c.ToString()));

        // The new version asks something else, so an old database's preset does not touch it.
        Assert.Empty((await Presets.EnsureAsync(db)).Changes);
        var first = await db.Questions.SingleAsync(q => db.InstrumentVersions.Any(v => v.Id == q.InstrumentVersionId && v.Instrument!.Key == "smiley" && v.Number == 1) && q.Key == "besoeg");
        Assert.Equal("كيف كانت زيارتك اليوم؟", first.Texts["ar"]);
    }

    private static async Task<List<string>> VersionsAsync(TestDatabase database)
    {
        await using var db = database.Open();
        return await db.InstrumentVersions.OrderBy(v => v.Id).Select(v => v.Instrument!.Key + " " + v.Number).ToListAsync();
    }

    private static async Task<string> ResultsJsonAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var report = await ResultsQuery.RunAsync(db, database.Factory, new ResultsRequest("vive-7") { By = Dimension.TargetGroup }, Viewer.CommandLine, 5, CancellationToken.None);
        return JsonSerializer.Serialize(report);
    }
}
