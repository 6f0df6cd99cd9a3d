using Borgerpuls.Analysis.Themes;
using Borgerpuls.Data.Aggregates;
using Borgerpuls.Features.Comments;
using Borgerpuls.Features.Results;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Comments;

public sealed class StoredThemesTests
{
    private static async Task<List<string>> ThemeCellsAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var rows = (await db.ThemeCells.AsNoTracking().ToListAsync())
            .Where(c => c.Comments != 0)
            .Select(c => $"{c.InstrumentId}|{c.Month}|{c.JobCentreId}|{c.SiteId}|{c.UnitId}|{c.TargetGroupId}|{c.Channel}|{c.Theme} {c.Comments}").ToList();
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>What classifying every visible comment at query time gives, per instrument and theme ("" = all comments).</summary>
    private static async Task<Dictionary<(int, string), int>> ClassifiedNowAsync(TestDatabase database, ThemeLexicon lexicon)
    {
        await using var db = database.Open();
        var counts = new Dictionary<(int, string), int>();
        foreach (var c in await db.Comments.AsNoTracking().Where(c => !c.Hidden).ToListAsync())
        {
            foreach (var theme in lexicon.Classify(c.Text).Prepend(""))
            {
                counts[(c.InstrumentId, theme)] = counts.GetValueOrDefault((c.InstrumentId, theme)) + 1;
            }
        }
        return counts;
    }

    [Fact]
    public async Task Stored_themes_give_the_counts_of_classifying_at_query_time_and_a_rebuild_gives_the_same_cells()
    {
        await using var database = await TestDatabase.CreateAsync();
        await CliRunner.RunAsync("demo-data", "--responses", "3000", "--db", database.Value);
        await using (var app = new BorgerpulsApp(database))
        {
            // A hidden comment leaves the counts; hiding goes through the API like staff do it.
            var analyst = await app.SignedInClientAsync(Roles.Analyst);
            await using var db = database.Open();
            var hidden = (await db.Comments.AsNoTracking().ToListAsync()).First(c => c.Themes.Count > 0).PublicId;
            (await analyst.PostAsync($"/api/v1/comments/{hidden}/hide", null)).EnsureSuccessStatusCode();
        }
        var expected = await ClassifiedNowAsync(database, ThemeLexicon.Default);

        await using (var db = database.Open())
        {
            foreach (var c in await db.Comments.AsNoTracking().ToListAsync())
            {
                Assert.Equal(ThemeLexicon.Default.Classify(c.Text), c.Themes);
            }
            var commented = expected.Where(e => e.Key.Item2 == "").MaxBy(e => e.Value).Key.Item1;
            var instrument = await db.Instruments.Where(i => i.Id == commented).Select(i => i.Key).SingleAsync();
            var report = await CommentThemesQuery.RunAsync(db, database.Factory, new ResultsRequest(instrument), Viewer.CommandLine, ThemeLexicon.Default, 5, 10,
                CancellationToken.None);
            Assert.Equal(expected[(commented, "")], report.Comments);
            Assert.True(report.Comments > 50);
            foreach (var theme in report.Themes)
            {
                Assert.Equal(expected.GetValueOrDefault((commented, theme.Key)), theme.Count);
                Assert.All(theme.Quotes, q => Assert.Contains(theme.Key, ThemeLexicon.Default.Classify(q.Text)));
            }
            Assert.Contains(report.Themes, t => t.Count > 0 && t.Quotes.Count == CommentThemesQuery.QuotesPerTheme);
        }

        var incremental = await ThemeCellsAsync(database);
        var rebuild = await CliRunner.RunAsync("aggregates", "rebuild", "--db", database.Value);
        Assert.True(rebuild.ExitCode == 0, rebuild.Error);
        Assert.True(incremental.Count > 100);
        Assert.Equal(incremental, await ThemeCellsAsync(database));
    }

    [Fact]
    public async Task A_changed_lexicon_in_configuration_derives_the_stored_themes_again_at_start()
    {
        await using var database = await TestDatabase.CreateAsync();
        await CliRunner.RunAsync("demo-data", "--responses", "1500", "--db", database.Value);
        await using (var app = new BorgerpulsApp(database))
        {
            app.CreateClient(); // starts the app with the preset lexicon
        }
        var before = await ThemeCellsAsync(database);

        // The municipality adds a theme of its own and narrows a preset one to a single word.
        await using (var app = new BorgerpulsApp(database).WithWebHostBuilder(b => b
            .UseSetting("Themes:0:Key", "afbrudt").UseSetting("Themes:0:NameDa", "Afbrudt").UseSetting("Themes:0:NameEn", "Cut off").UseSetting("Themes:0:Terms:0", "afbrudt")
            .UseSetting("Themes:1:Key", "breve-og-sprog").UseSetting("Themes:1:NameDa", "Breve").UseSetting("Themes:1:NameEn", "Letters").UseSetting("Themes:1:Terms:0", "paragraf*")))
        {
            app.CreateClient();
        }

        var configured = new ThemeLexicon(ThemePresets.All.Where(p => p.Key != "breve-og-sprog").Concat(
            [new ThemeDefinition("afbrudt", "Afbrudt", "Cut off", ["afbrudt"]), new ThemeDefinition("breve-og-sprog", "Breve", "Letters", ["paragraf*"])]));
        await using var db = database.Open();
        var comments = await db.Comments.AsNoTracking().ToListAsync();
        Assert.Contains(comments, c => c.Themes.Contains("afbrudt"));
        Assert.All(comments, c => Assert.Equal(configured.Classify(c.Text), c.Themes));
        var expected = await ClassifiedNowAsync(database, configured);
        var cells = await db.ThemeCells.AsNoTracking().GroupBy(c => new { c.InstrumentId, c.Theme }).Select(g => new { g.Key.InstrumentId, g.Key.Theme, N = g.Sum(c => c.Comments) }).ToListAsync();
        Assert.Equal(expected.Where(e => e.Value > 0).OrderBy(e => e.Key).Select(e => $"{e.Key} {e.Value}"),
            cells.Where(c => c.N > 0).Select(c => ((c.InstrumentId, c.Theme), (int)c.N)).OrderBy(c => c.Item1).Select(c => $"{c.Item1} {c.Item2}"));
        Assert.NotEqual(before, await ThemeCellsAsync(database));
        Assert.Null(await StoredThemeLexicon.ApplyAsync(database.Factory, configured, CancellationToken.None));
    }
}
