using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Borgerpuls.Data.Aggregates;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Features.Ingest;

/// <summary>SPEC §7 "nothing lost": the real server process is killed with SIGKILL while kiosks post concurrently. After a
/// restart every acknowledged response is stored exactly once, retries of everything sent are answered without duplicates,
/// and the aggregates count exactly the stored responses (they are written in the same transaction).</summary>
public sealed class CrashSafetyTests
{
    private const int Clients = 16;

    [Fact]
    public async Task Kill_9_during_sustained_ingest_loses_no_acknowledged_response()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        var add = await CliRunner.RunAsync("device", "add", "--site", "sjaellandsgade", "--instrument", "smiley", "--name", "Udgang", "--db", database.Value);
        Assert.True(add.ExitCode == 0, add.Error);
        var key = add.Output.Trim().Split('\n')[^1].Trim();

        var acknowledged = new ConcurrentDictionary<Guid, byte>();
        var sent = new ConcurrentDictionary<Guid, string>();
        using (var server = await ServerProcess.StartAsync(database.Value))
        {
            using var http = server.Client(key, Clients);
            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var id = Guid.NewGuid();
                    var body = Press(id);
                    sent[id] = body;
                    try
                    {
                        using var response = await http.PostAsync("/api/v1/responses", new StringContent(body, Encoding.UTF8, "application/json"));
                        if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK) acknowledged[id] = 0;
                    }
                    catch (HttpRequestException)
                    {
                        // The server is gone: this one's fate is unknown, as for a kiosk that lost its connection.
                        return;
                    }
                }
            })).ToList();
            // Kill in the middle of sustained load, after many commits, while others are surely in flight. The wait is bounded
            // by time too: a busy CI machine may acknowledge far fewer a second than an idle one.
            var until = DateTime.UtcNow.AddSeconds(60);
            while (acknowledged.Count < 300 && DateTime.UtcNow < until) await Task.Delay(20);
            server.Kill();
            stop.Cancel();
            await Task.WhenAll(load);
        }
        Assert.True(acknowledged.Count >= 20, $"only {acknowledged.Count} acknowledged before the kill");
        Assert.True(sent.Count > acknowledged.Count, "the kill should interrupt requests in flight");

        await using (var db = database.Open())
        {
            var stored = await StoredAsync(db, acknowledged.Keys);
            Assert.Equal(acknowledged.Count, stored);
        }

        // A kiosk retries everything it did not get an acknowledgement for; already-stored ones are answered 200, nothing twice.
        using (var server = await ServerProcess.StartAsync(database.Value))
        {
            using var http = server.Client(key, Clients);
            foreach (var (id, body) in sent)
            {
                using var response = await http.PostAsync("/api/v1/responses", new StringContent(body, Encoding.UTF8, "application/json"));
                HttpStatusCode[] expected = acknowledged.ContainsKey(id) ? [HttpStatusCode.OK] : [HttpStatusCode.OK, HttpStatusCode.Created];
                Assert.Contains(response.StatusCode, expected);
            }
        }
        await using (var db = database.Open())
        {
            Assert.Equal(sent.Count, await db.Responses.CountAsync());
            Assert.Equal(sent.Count, await StoredAsync(db, sent.Keys));
            Assert.Equal(sent.Count, await db.AggregateCells.Where(c => c.Cube == Cube.Main).SumAsync(c => c.Respondents));
        }
    }

    private static async Task<int> StoredAsync(Borgerpuls.Data.BorgerpulsDb db, IEnumerable<Guid> ids)
    {
        var count = 0;
        foreach (var chunk in ids.Chunk(500))
        {
            count += await db.Responses.CountAsync(r => chunk.Contains(r.Id));
        }
        return count;
    }

    private static string Press(Guid id) =>
        $$$"""{"id":"{{{id}}}","instrument":"smiley","answeredAt":"{{{DateTimeOffset.UtcNow.AddMinutes(-5):O}}}","answers":{"besoeg":"{{{1 + Random.Shared.Next(4)}}}"}}""";
}
