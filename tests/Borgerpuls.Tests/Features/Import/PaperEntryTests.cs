using Borgerpuls.Domain;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Import;

/// <summary>/paper: a grid of option codes per paper form, written with channel paper through the ingest validation; a bad
/// cell is reported next to itself and nothing is written; managers only for their own centre.</summary>
public sealed class PaperEntryTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private BorgerpulsApp _app = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.AddDemoOrganisationAsync();
        _app = new BorgerpulsApp(_database);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static async Task<Dictionary<string, string>> GridAsync(HttpClient client, string centre)
    {
        var html = await client.GetStringAsync($"/paper?Instrument=vive-7&Jobcentre={centre}");
        return new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = ImportApiTests.TokenPattern().Match(html).Groups[1].Value,
            ["Instrument"] = "vive-7", ["Jobcentre"] = centre, ["TargetGroup"] = "jobparat",
        };
    }

    private async Task<List<Response>> StoredAsync()
    {
        await using var db = _database.Open();
        return await db.Responses.AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task A_bad_cell_is_reported_next_to_itself_and_nothing_is_written_then_the_corrected_grid_is_stored_as_paper()
    {
        var client = await _app.SignedInClientAsync(Roles.Manager, "jc-nord");
        var form = await GridAsync(client, "jc-nord");
        form["Cells[0-samtale]"] = "5";
        form["Cells[0-behandling]"] = "4";
        form["Cells[1-samtale]"] = "9";

        var rejected = await (await client.PostAsync("/paper?handler=Save", new FormUrlEncodedContent(form))).Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"cell-error\"", rejected);
        Assert.Contains("name=\"Cells[1-samtale]\" value=\"9\"", rejected);
        Assert.Empty(await StoredAsync());

        form["Cells[1-samtale]"] = "2";
        var saved = await (await client.PostAsync("/paper?handler=Save", new FormUrlEncodedContent(form))).Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"paper-saved\"", saved);
        var stored = await StoredAsync();
        Assert.Equal(2, stored.Count);
        Assert.All(stored, r => Assert.Equal(Channel.Paper, r.Channel));
        Assert.Contains(stored, r => r.Answers["samtale"][0] == "2");
    }

    [Fact]
    public async Task A_manager_cannot_enter_forms_for_another_centre()
    {
        var client = await _app.SignedInClientAsync(Roles.Manager, "jc-nord");
        var form = await GridAsync(client, "jc-nord");
        form["Jobcentre"] = "jc-syd";
        form["Cells[0-samtale]"] = "5";

        var response = await client.PostAsync("/paper?handler=Save", new FormUrlEncodedContent(form));

        Assert.DoesNotContain("data-testid=\"paper-saved\"", await response.Content.ReadAsStringAsync());
        Assert.Empty(await StoredAsync());
    }
}
