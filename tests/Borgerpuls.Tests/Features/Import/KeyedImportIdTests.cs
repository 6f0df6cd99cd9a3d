using System.Text;
using Borgerpuls.Domain;
using Borgerpuls.Features.Import;
using Borgerpuls.Security;
using Borgerpuls.Security.Redaction;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Import;

/// <summary>Imported response ids are keyed with the deployment's secret: stable within the deployment (a re-import skips),
/// different in another, and not the unkeyed id anyone could compute from a guessed respondent id. Responses imported by an
/// earlier version (unkeyed ids) are recognised by a re-import and re-keyed by the start-up upgrade.</summary>
public sealed class KeyedImportIdTests : IAsyncLifetime
{
    // Vendors' respondent ids are sometimes CPR numbers: exactly what an unkeyed id would give away.
    private static readonly string[] Respondents = ["0101901234", "3112851234", "1506770042"];
    private readonly List<TestDatabase> _databases = [];
    private string _dir = null!;
    private string _file = null!;

    public Task InitializeAsync()
    {
        _dir = Directory.CreateTempSubdirectory("borgerpuls-keyed-").FullName;
        _file = Path.Combine(_dir, "vive.csv");
        File.WriteAllText(_file, "respondent_id;jobcenter;site;hoert;kommentar\n"
            + string.Join('\n', Respondents.Select((r, i) => $"{r};jc-nord;nordvej;{i + 3};ring på 1234 5678")) + "\n", new UTF8Encoding(false));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }
        Directory.Delete(_dir, recursive: true);
    }

    private async Task<TestDatabase> NewDeploymentAsync()
    {
        var database = await TestDatabase.CreateAsync();
        _databases.Add(database);
        await database.AddDemoOrganisationAsync();
        return database;
    }

    private async Task<string> ImportAsync(TestDatabase database)
    {
        var result = await CliRunner.RunAsync("--culture", "en", "import", _file, "--instrument", "borgeroplevelse-5", "--db", database.Value);
        Assert.True(result.ExitCode == 0, result.Error);
        return result.Output;
    }

    private static async Task<List<Guid>> IdsAsync(TestDatabase database)
    {
        await using var db = database.Open();
        return (await db.Responses.Select(r => r.Id).ToListAsync()).Order().ToList();
    }

    [Fact]
    public async Task Ids_are_keyed_stable_in_one_deployment_and_different_in_another()
    {
        var first = await NewDeploymentAsync();
        Assert.Contains("3 imported", await ImportAsync(first));
        Assert.Contains("0 imported, 3 skipped", await ImportAsync(first));
        var ids = await IdsAsync(first);
        Assert.Equal(3, ids.Count);
        Assert.All(ids, id => Assert.Equal(8, id.Version));
        var key = DeploymentKey.For(first.Target);
        Assert.Equal(Respondents.Select(r => NameBasedId.For(key, "borgeroplevelse-5", r)).Order(), ids);
        // Without the key, a guess cannot be tested: neither the unkeyed id of the right respondent id nor any key-free
        // function of it is what is stored.
        Assert.Empty(ids.Intersect(Respondents.Select(r => NameBasedId.Legacy("borgeroplevelse-5", r))));

        if (!TestDatabase.IsPostgres)
        {
            // Another deployment (its own key file next to its database) gives other ids for the same respondents.
            var second = await NewDeploymentAsync();
            await ImportAsync(second);
            Assert.Empty((await IdsAsync(second)).Intersect(ids));
            Assert.NotEqual(DeploymentKey.PathFor(first.Target), DeploymentKey.PathFor(second.Target));
        }
    }

    [Fact]
    public async Task Responses_imported_with_unkeyed_ids_are_skipped_by_a_re_import_and_re_keyed_by_the_upgrade()
    {
        var database = await NewDeploymentAsync();
        await ImportAsync(database);
        // As an earlier version left them: unkeyed version-5 ids and hashes over the text before redaction.
        await using (var db = database.Open())
        {
            var rows = await db.Responses.AsNoTracking().ToListAsync();
            var comments = await db.Comments.ToListAsync();
            var key = DeploymentKey.For(database.Target);
            foreach (var row in rows)
            {
                var respondent = Respondents.Single(r => NameBasedId.For(key, "borgeroplevelse-5", r) == row.Id);
                var keyed = row.Id;
                row.Id = NameBasedId.Legacy("borgeroplevelse-5", respondent);
                row.ContentHash = ResponseHash.Legacy(row, ["kommentar:ring på 1234 5678"]);
                db.Responses.Add(row);
                foreach (var comment in comments.Where(c => c.ResponseId == keyed))
                {
                    comment.ResponseId = row.Id;
                    comment.Text = "ring på 1234 5678";
                }
            }
            await db.SaveChangesAsync();
            var keyedIds = rows.Select(r => NameBasedId.For(key, "borgeroplevelse-5", Respondents.Single(x => NameBasedId.Legacy("borgeroplevelse-5", x) == r.Id))).ToList();
            await db.Responses.Where(r => keyedIds.Contains(r.Id)).ExecuteDeleteAsync();
        }
        Assert.All(await IdsAsync(database), id => Assert.Equal(5, id.Version));

        Assert.Contains("0 imported, 3 skipped", await ImportAsync(database));
        Assert.Equal(3, await StoredContentUpgrade.RunAsync(database.Factory, CancellationToken.None));
        var ids = await IdsAsync(database);
        var keyAfter = DeploymentKey.For(database.Target);
        Assert.Equal(Respondents.Select(r => NameBasedId.For(keyAfter, "borgeroplevelse-5", r)).Order(), ids);
        await using (var db = database.Open())
        {
            // The comments followed their responses and were redacted again; nothing unkeyed or unredacted is left.
            var comments = await db.Comments.AsNoTracking().ToListAsync();
            Assert.Equal(3, comments.Count);
            Assert.All(comments, c => Assert.Contains(c.ResponseId, ids));
            Assert.All(comments, c => Assert.Equal("ring på [TELEFON]", c.Text));
            Assert.False(await db.Responses.AnyAsync(r => !r.ContentHash.StartsWith(ResponseHash.Prefix.ToString())));
        }
        Assert.Contains("0 imported, 3 skipped", await ImportAsync(database));
        Assert.Equal(3, (await IdsAsync(database)).Count);
    }
}
