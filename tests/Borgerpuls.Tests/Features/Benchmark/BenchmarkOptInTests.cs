using System.Net;
using Borgerpuls.Features.Configuration;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Benchmark;

/// <summary>Taking part in the benchmark: off by default, turned on and off by an administrator on the organisation page
/// (audited, once per change) or by <c>config apply</c>, and written by <c>config export</c>.</summary>
public sealed class BenchmarkOptInTests
{
    private const string Page = "/admin/organisation";

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, params (string, string)[] fields) =>
        await client.PostAsync($"{Page}?handler=Benchmark", await StaffLogin.FormOfPairsAsync(client, Page, fields));

    [Fact]
    public async Task An_administrator_turns_it_on_and_off_once_each_and_an_analyst_cannot()
    {
        var (database, app) = await DemoOrganisation.StartAsync();
        await using var _ = database;
        await using var __ = app;
        int id;
        await using (var db = database.Open())
        {
            var aabaek = await db.Municipalities.SingleAsync();
            Assert.False(aabaek.Benchmark);
            id = aabaek.Id;
        }
        async Task<(bool On, int Ons, int Offs)> StateAsync()
        {
            await using var db = database.Open();
            return ((await db.Municipalities.SingleAsync()).Benchmark,
                await db.AuditEntries.CountAsync(e => e.Action == AuditActions.MunicipalityBenchmarkOn),
                await db.AuditEntries.CountAsync(e => e.Action == AuditActions.MunicipalityBenchmarkOff));
        }

        var analyst = await app.SignedInClientAsync(Roles.Analyst);
        Assert.Contains("Kun en administrator", await analyst.GetStringAsync(Page));
        var denied = await PostAsync(analyst, ("id", $"{id}"), ("on", "true"));
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Equal("/access-denied", denied.Headers.Location!.AbsolutePath);
        Assert.Equal((false, 0, 0), await StateAsync());

        var admin = await app.SignedInClientAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(admin, ("id", $"{id}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, ("id", $"{id}"), ("on", "true"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, ("id", $"{id}"), ("on", "true"))).StatusCode);
        Assert.Equal((true, 1, 0), await StateAsync());
        Assert.Contains("Med i sammenligningen med andre kommuner", await admin.GetStringAsync(Page));
        Assert.Contains("Takes part in the comparison with other municipalities", await admin.GetStringAsync(Page + "?culture=en&ui-culture=en"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, ("id", $"{id}"), ("on", "false"))).StatusCode);
        Assert.Equal((false, 1, 1), await StateAsync());
        Assert.Contains("Kommune ude af sammenligning med andre kommuner", await admin.GetStringAsync("/admin/audit"));
    }

    [Fact]
    public async Task Config_apply_sets_it_leaves_it_when_left_out_and_export_writes_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await database.MigratedAsync();
        var on = await ConfigApplier.ApplyAsync(db, ConfigJson.Parse("""{ "municipalities": [ { "key": "bjerg", "name": "Bjerg Kommune", "benchmark": true } ] }"""));
        Assert.Contains("municipality bjerg: benchmark on", on.Changes.Select(c => c.ToString()));
        var unchanged = await ConfigApplier.ApplyAsync(db, ConfigJson.Parse("""{ "municipalities": [ { "key": "bjerg", "name": "Bjerg Kommune" } ] }"""));
        Assert.Empty(unchanged.Changes);
        Assert.True((await db.Municipalities.AsNoTracking().SingleAsync()).Benchmark);
        Assert.True((await ConfigExporter.ExportAsync(db)).Municipalities.Single().Benchmark);
        var off = await ConfigApplier.ApplyAsync(db, ConfigJson.Parse("""{ "municipalities": [ { "key": "bjerg", "name": "Bjerg Kommune", "benchmark": false } ] }"""));
        Assert.Contains("municipality bjerg: benchmark off", off.Changes.Select(c => c.ToString()));
        Assert.False((await db.Municipalities.AsNoTracking().SingleAsync()).Benchmark);

        var wrong = Assert.Throws<ConfigException>(() => ConfigJson.Parse("""{ "municipalities": [ { "key": "bjerg", "name": "Bjerg Kommune", "benchmark": "ja" } ] }"""));
        Assert.Contains("benchmark", wrong.Message);
    }
}
