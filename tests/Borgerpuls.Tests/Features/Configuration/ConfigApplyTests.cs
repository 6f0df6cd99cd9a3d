using Borgerpuls.Domain;
using Borgerpuls.Features.Configuration;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Configuration;

public sealed class ConfigApplyTests
{
    private static readonly System.Globalization.CultureInfo Danish = new("da"), English = new("en");

    private static string ExamplePath => Path.Combine(AppContext.BaseDirectory, "TestData", "config-example.json");

    [Fact]
    public async Task Apply_then_export_round_trips_through_a_second_database()
    {
        await using var first = await TestDatabase.CreateAsync();
        await using var second = await TestDatabase.CreateAsync();

        var apply = await CliRunner.RunAsync("config", "apply", ExamplePath, "--db", first.Value);
        Assert.True(apply.ExitCode == 0, apply.Error);
        // Each change in the command line's language: Danish by default.
        Assert.Contains("jobcenteret jc-koebenhavn: oprettet", apply.Output);
        Assert.Contains("adressen ", apply.Output);
        Assert.DoesNotContain(": created", apply.Output);
        var exported = await CliRunner.RunAsync("config", "export", "--db", first.Value);
        Assert.Equal(0, exported.ExitCode);

        var file = Path.Combine(Path.GetTempPath(), $"bp-export-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, exported.Output);
        try
        {
            var reapply = await CliRunner.RunAsync("config", "apply", file, "--db", second.Value, "--culture", "en");
            Assert.True(reapply.ExitCode == 0, reapply.Error);
            Assert.Contains("job centre jc-koebenhavn: created", reapply.Output);
            var exportedAgain = await CliRunner.RunAsync("config", "export", "--db", second.Value);
            Assert.Equal(exported.Output, exportedAgain.Output);
        }
        finally
        {
            File.Delete(file);
        }
        Assert.Contains("\"name\": \"Københavns Kommune\"", exported.Output);
        Assert.Contains("\"extends\": \"borgeroplevelse-5\"", exported.Output);
    }

    [Fact]
    public async Task Applying_the_same_document_twice_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await database.MigratedAsync();
        var doc = ConfigJson.Parse(await File.ReadAllTextAsync(ExamplePath));

        var first = await ConfigApplier.ApplyAsync(db, doc);
        var second = await ConfigApplier.ApplyAsync(db, doc);

        Assert.NotEmpty(first.Changes);
        Assert.Empty(second.Changes);
    }

    [Fact]
    public async Task Unknown_property_is_an_error_naming_it()
    {
        var json = """{ "municipalities": [ { "key": "x", "name": "X", "jobcentres": [] } ] }""";
        var error = Assert.Throws<ConfigException>(() => ConfigJson.Parse(json));
        Assert.Contains("jobcentres", error.Message);
    }

    /// <summary>A left-out polarity used to be read as "positive" and a list set to null crashed the apply; both are now
    /// refused while reading, by path and in the document's words.</summary>
    [Theory]
    [InlineData("""{"scales":[{"key":"x","names":{"da":"X"},"options":[{"code":"a","labels":{"da":"A"}}]}]}""", "$.scales[0].options[0]: Missing required property 'polarity'.")]
    [InlineData("""{"instruments":[{"key":"y","names":{"da":"Y"},"questions":null}]}""", "$.instruments[0].questions: 'questions' cannot be null.")]
    [InlineData("""{"instruments":[{"key":"y","names":{"da":"Y"}}]}""", "$.instruments[0]: Missing required property 'questions'.")]
    [InlineData("""{"municipalities":[{"key":"m","name":"M","jobCentres":null}]}""", "$.municipalities[0].jobCentres: 'jobCentres' cannot be null.")]
    public void A_missing_or_null_member_is_refused_by_its_path(string json, string expected)
    {
        var error = Assert.Single(Assert.Throws<ConfigException>(() => ConfigJson.Parse(json)).Errors);
        Assert.Equal(expected.Split(": ")[0], error.Path);
        Assert.EndsWith(expected.Split(": ")[1], error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>System.Text.Json's own messages are English and name .NET types; the reader is told instead what the value
    /// should have been, where, in Danish or English.</summary>
    [Theory]
    [InlineData("""{ "municipalities": [ { "key": "bjerg", "name": "Bjerg", "benchmark": "ja" } ] }""", "$.municipalities[0].benchmark",
        "Linje 1, position 77: Værdien skal være true eller false.", "Line 1, position 77: The value must be true or false.")]
    [InlineData("""{ "campaigns": [ { "key": "c", "name": "C", "instrument": "vive-7", "channel": "fax", "startsOn": "2026-01-01" } ] }""", "$.campaigns[0].channel",
        "Værdien skal være en af kiosk, tablet", "The value must be one of kiosk, tablet")]
    [InlineData("""{ "campaigns": [ { "key": "c", "name": "C", "instrument": "vive-7", "channel": "kiosk", "startsOn": "1. marts" } ] }""", "$.campaigns[0].startsOn",
        "Værdien skal være en dato som \"2026-03-14\"", "The value must be a date such as \"2026-03-14\"")]
    [InlineData("{ \"municipalities\": [ { \"key\": \"x\",\n \"name\": \"X\", \"jobcentres\": [] } ] }", "$.municipalities[0].jobcentres",
        "Ukendt felt »jobcentres«.", "Unknown property 'jobcentres'.")]
    [InlineData("""{ "targetGroups": [ { "key": "a", "names": "A" } ] }""", "$.targetGroups[0].names",
        "Værdien skal være et objekt med en tekst pr. sprogkode (fx \"da\").", "The value must be an object with a text per language code (e.g. \"da\").")]
    [InlineData("""{ "municipalities": [ { "key": "x" """, "$.municipalities[0]", "Linje 1, position", "Line 1, position")]
    public void A_document_that_cannot_be_read_is_refused_in_danish_and_english(string json, string path, string danish, string english)
    {
        var error = Assert.Single(Assert.Throws<ConfigException>(() => ConfigJson.Parse(json)).Errors);
        Assert.Equal(path, error.Path);
        Assert.True(error.Text(Danish).Contains(danish, StringComparison.Ordinal), error.Text(Danish));
        Assert.True(error.Text(English).Contains(english, StringComparison.Ordinal), error.Text(English));
        Assert.StartsWith("Linje ", error.Text(Danish), StringComparison.Ordinal);
        Assert.StartsWith("Line ", error.Text(English), StringComparison.Ordinal);
    }

    /// <summary>A description of 10 000 characters failed the whole apply on PostgreSQL with "value too long" (found by
    /// ConfigSweepTests); every text now has a length that fits its column, named by its path.</summary>
    [Fact]
    public async Task A_text_longer_than_its_place_is_refused_by_its_path_before_anything_is_written()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await database.MigratedAsync();
        var doc = new ConfigDocument
        {
            ServiceGoals = [new ServiceGoalConfig("svar", new() { ["da"] = new string('n', 401) }, 24, 0.9) { Descriptions = new() { ["da"] = "kort", ["en"] = new string('x', 10_000) } }],
        };

        var error = await Assert.ThrowsAsync<ConfigException>(() => ConfigApplier.ApplyAsync(db, doc));

        Assert.Equal(["$.serviceGoals[0].names.da: At most 400 characters (401 given).", "$.serviceGoals[0].descriptions.en: At most 1000 characters (10000 given)."],
            error.Errors.Select(e => e.ToString()));
        Assert.False(await db.ServiceGoals.AnyAsync());
    }

    /// <summary>A municipality named "\u0000" failed the whole apply on PostgreSQL with "invalid byte sequence for encoding
    /// UTF8: 0x00" (found by ConfigSweepTests); control characters and broken surrogates are refused by path on both
    /// databases, while line breaks and tabs in a question text stay allowed.</summary>
    [Fact]
    public async Task A_text_with_a_control_character_is_refused_by_its_path_before_anything_is_written()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await database.MigratedAsync();
        var doc = new ConfigDocument
        {
            Municipalities = [new MunicipalityConfig("ny", "Ny\u0000Kommune") { JobCentres = [new JobCentreConfig("jc-ny", "Jobcenter \uD800Ny")] }],
            ServiceGoals = [new ServiceGoalConfig("svar", new() { ["da"] = "Svar\u0007" }, 24, 0.9) { Descriptions = new() { ["da"] = "To linjer\nmed\ttabulator" } }],
        };

        var error = await Assert.ThrowsAsync<ConfigException>(() => ConfigApplier.ApplyAsync(db, doc));

        Assert.Equal(["$.municipalities[0].jobCentres[0].name", "$.municipalities[0].name", "$.serviceGoals[0].names.da"],
            error.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.All(error.Errors, e => Assert.StartsWith("Holds a control character", e.Message.ToString(), StringComparison.Ordinal));
        Assert.All(error.Errors, e => Assert.StartsWith("Indeholder et kontroltegn", e.Text(Danish), StringComparison.Ordinal));
        Assert.False(await db.Municipalities.AnyAsync(m => m.Key == "ny"));
    }

    /// <summary>A document that moved an existing job centre's key under a new municipality created a second job centre of
    /// that key and then failed on the next lookup by key (found by ConfigSweepTests): a key names one job centre, site or
    /// unit in the whole deployment.</summary>
    [Fact]
    public async Task A_job_centre_site_or_unit_key_of_another_municipality_is_refused_by_path()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await database.MigratedAsync();
        await ConfigApplier.ApplyAsync(db, new ConfigDocument
        {
            Municipalities = [new MunicipalityConfig("aabaek", "Åbæk") { JobCentres = [new JobCentreConfig("jc-aabaek", "Jobcenter Åbæk") { Sites = [new SiteConfig("torvet", "Torvet") { Units = [new UnitConfig("team-1", "Team 1")] }] }] }],
        });

        var error = await Assert.ThrowsAsync<ConfigException>(() => ConfigApplier.ApplyAsync(db, new ConfigDocument
        {
            Municipalities =
            [
                new MunicipalityConfig("nabo", "Nabo") { JobCentres = [new JobCentreConfig("jc-aabaek", "Jobcenter Nabo") { Sites = [new SiteConfig("torvet", "Torvet") { Units = [new UnitConfig("team-1", "Team 1")] }] }] },
                new MunicipalityConfig("tredje", "Tredje") { JobCentres = [new JobCentreConfig("jc-tredje", "Jobcenter Tredje") { Sites = [new SiteConfig("havnen", "Havnen"), new SiteConfig("havnen", "Havnen 2")] }, new JobCentreConfig("jc-fjerde", "Fjerde") { Sites = [new SiteConfig("havnen", "Havnen 3")] }] },
            ],
        }));

        Assert.Equal(
        [
            "$.municipalities[*] sites: The key 'havnen' is used more than once.",
            "$.municipalities[0].jobCentres[0].key: The job centre 'jc-aabaek' belongs to municipality 'aabaek'; a key names one job centre in the whole deployment.",
            "$.municipalities[0].jobCentres[0].sites[0].key: The site 'torvet' belongs to municipality 'aabaek'; a key names one site in the whole deployment.",
            "$.municipalities[0].jobCentres[0].sites[0].units[0].key: The unit 'team-1' belongs to municipality 'aabaek'; a key names one unit in the whole deployment.",
        ], error.Errors.Select(e => e.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(["aabaek"], await db.Municipalities.Select(m => m.Key).ToListAsync());
        Assert.Equal(1, await db.JobCentres.CountAsync());
    }

    [Fact]
    public async Task Broken_references_are_all_listed_and_nothing_is_written()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await database.MigratedAsync();
        var doc = new ConfigDocument
        {
            Municipalities = [new MunicipalityConfig("ny-kommune", "Ny Kommune") { JobCentres = [new JobCentreConfig("jc-ny", "Jobcenter Ny")] }],
            TargetGroupSets = [new TargetGroupSetConfig("blandet", new() { ["da"] = "Blandet" }, ["jobparat", "findes-ikke"])],
            Campaigns = [new CampaignConfig("c1", "Kampagne", "ukendt-skema", Channel.Kiosk, new DateOnly(2025, 1, 1)) { Site = "ukendt-site" }],
            Targets = [new TargetConfig("t1", "Mål", "vive-7", TargetMetric.Positive, TargetDirection.AtLeast, 68)],
        };

        var error = await Assert.ThrowsAsync<ConfigException>(() => ConfigApplier.ApplyAsync(db, doc));

        Assert.Contains(error.Errors, e => e.Message.ToString().Contains("findes-ikke", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Message.ToString().Contains("ukendt-skema", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Message.ToString().Contains("ukendt-site", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Path == "$.targets[0].threshold");
        Assert.False(await db.Municipalities.AnyAsync());
        Assert.False(await db.TargetGroupSets.AnyAsync(s => s.Key == "blandet"));
    }

    /// <summary>The command line speaks Danish unless asked for English, and so do the document's problems.</summary>
    [Fact]
    public async Task Cli_reports_errors_in_danish_or_english_with_a_non_zero_exit_and_writes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var file = Path.Combine(Path.GetTempPath(), $"bp-bad-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{ "municipalities": [ { "key": "Ugyldig Nøgle", "name": "X" } ], "targetGroups": [ { "key": "ok", "names": { "en": "No Danish" } } ] }""");
        try
        {
            var danish = await CliRunner.RunAsync("config", "apply", file, "--db", database.Value);
            Assert.Equal(2, danish.ExitCode);
            Assert.Contains("Konfigurationen blev afvist, og intet blev ændret:", danish.Error);
            Assert.Contains("$.municipalities[0].key: »Ugyldig Nøgle« er ikke en gyldig nøgle: brug 1–64 små bogstaver a–z, cifre og »-«.", danish.Error);
            Assert.Contains("$.targetGroups[0].names: Der skal være en dansk tekst (»da«).", danish.Error);
            Assert.DoesNotContain("is not a valid key", danish.Error);

            var english = await CliRunner.RunAsync("--culture", "en", "config", "apply", file, "--db", database.Value);
            Assert.Equal(2, english.ExitCode);
            Assert.Contains("The configuration was rejected and nothing was changed:", english.Error);
            Assert.Contains("$.municipalities[0].key: 'Ugyldig Nøgle' is not a valid key", english.Error);
            Assert.Contains("$.targetGroups[0].names: A Danish text (\"da\") is required.", english.Error);
        }
        finally
        {
            File.Delete(file);
        }
        await using var db = database.Open();
        Assert.False(await db.Municipalities.AnyAsync());
        Assert.False(await db.TargetGroups.AnyAsync(t => t.Key == "ok"));
    }

    [Fact]
    public async Task Changing_a_question_publishes_a_new_version_and_keeps_the_old_one_intact()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await database.MigratedAsync();
        var doc = ConfigJson.Parse(await File.ReadAllTextAsync(ExamplePath));
        await ConfigApplier.ApplyAsync(db, doc);
        var local = doc.Instruments.Single(i => i.Key == "kbh-exit-poll");
        var changedQuestion = local.Questions[0] with { Texts = new() { ["da"] = "Fik du indkaldelsen i god tid?", ["en"] = "Did you get the notice in time?" } };
        var changed = doc with { Instruments = [local with { Questions = [changedQuestion, local.Questions[1]] }] };

        var result = await ConfigApplier.ApplyAsync(db, changed);

        Assert.Contains("instrument kbh-exit-poll: version 2 published", result.Changes.Select(c => c.ToString()));
        var versions = await db.InstrumentVersions.Include(v => v.Questions).Where(v => v.Instrument!.Key == "kbh-exit-poll").OrderBy(v => v.Number).ToListAsync();
        Assert.Equal(2, versions.Count);
        Assert.Equal("Havde du fået tid til at forberede dig til mødet?", versions[0].Questions.Single(q => q.Key == "forberedt").Texts["da"]);
        Assert.Equal("Fik du indkaldelsen i god tid?", versions[1].Questions.Single(q => q.Key == "forberedt").Texts["da"]);
        Assert.All(versions, v => Assert.NotNull(v.PublishedAt));
    }

    [Fact]
    public async Task Local_instrument_extends_the_core_version_and_mirror_points_to_its_citizen_instrument()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await database.MigratedAsync();
        await ConfigApplier.ApplyAsync(db, ConfigJson.Parse(await File.ReadAllTextAsync(ExamplePath)));

        var local = await db.InstrumentVersions.Include(v => v.ExtendsVersion!).ThenInclude(v => v.Instrument).SingleAsync(v => v.Instrument!.Key == "kbh-exit-poll");
        Assert.Equal("borgeroplevelse-5", local.ExtendsVersion!.Instrument!.Key);
        var mirror = await db.Instruments.Include(i => i.MirrorOf).SingleAsync(i => i.Key == "medarbejderspejl");
        Assert.Equal(InstrumentKind.Mirror, mirror.Kind);
        Assert.Equal("borgeroplevelse-5", mirror.MirrorOf!.Key);
    }

    [Fact]
    public async Task A_used_scale_cannot_change_its_options()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await database.MigratedAsync();
        var grad5 = Presets.Get().Scales.Single(s => s.Key == "grad5");
        var changed = grad5 with { Options = grad5.Options.Take(5).ToList() };

        var error = await Assert.ThrowsAsync<ConfigException>(() => ConfigApplier.ApplyAsync(db, new ConfigDocument { Scales = [changed] }));

        Assert.Contains("used by published instrument versions", error.Message);
        Assert.Equal(6, await db.ScaleOptions.CountAsync(o => o.ScaleId == db.Scales.Single(s => s.Key == "grad5").Id));
    }
}
