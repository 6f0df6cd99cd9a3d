using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Borgerpuls.Tests.ScaleOut;

/// <summary>Liveness, readiness, and what the API answers while the database cannot be reached.</summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task Health_is_liveness_and_health_ready_checks_the_database_and_its_migrations()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new BorgerpulsApp(database);
        using var client = app.CreateClient();

        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));

        // A schema from another version (as during an upgrade): alive, but not ready.
        await using (var db = database.Open())
        {
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "__ef_migrations" ("MigrationId", "ProductVersion") VALUES ('99991231000000_Future', '10.0.0')""");
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
    }

    /// <summary>PostgreSQL only (SQLite has no server to lose): the app reaches the server through a relay that the test
    /// stops and starts, as if the server were stopped and restarted.</summary>
    [Fact]
    public async Task While_PostgreSQL_is_unreachable_the_api_answers_503_with_retry_after_at_once_and_recovers_without_a_restart()
    {
        if (!TestDatabase.IsPostgres) return;
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        var server = new NpgsqlConnectionStringBuilder(database.Value);
        await using var relay = new TcpRelay(server.Host!, server.Port);
        relay.Start();
        var viaRelay = new NpgsqlConnectionStringBuilder(database.Value) { Host = "127.0.0.1", Port = relay.Port, Timeout = 5 }.ConnectionString;
        var key = await Devices.AddAsync(database, "sjaellandsgade", "smiley");
        await using var app = new BorgerpulsApp(database) { Settings = { ["db"] = viaRelay } };
        using var kiosk = app.CreateClient();
        kiosk.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Device " + key);
        var first = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, (await PressAsync(kiosk, first)).StatusCode);
        // Several connections idle in the pool, as on a busy instance: each is dead once the server is gone.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.CreateClient().GetAsync("/health/ready")));

        relay.Stop();
        var timer = Stopwatch.StartNew();
        var during = Guid.NewGuid();
        using var refused = await PressAsync(kiosk, during);
        timer.Stop();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(5), $"took {timer.Elapsed}");
        Assert.Equal(HttpStatusCode.OK, (await kiosk.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await kiosk.GetAsync("/health/ready")).StatusCode);
        // A page that needs the database answers 503 as well: the error page keeps the status chosen for the outage.
        using var page = await app.CreateClient().GetAsync("/offentlig/aabaek");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);

        // The server is back: the first probe finds it ready and the kiosk's first retry of the refused press (as it does after
        // Retry-After) is stored, once — no dead connection left in the pool fails one more request.
        relay.Start();
        Assert.Equal(HttpStatusCode.OK, (await kiosk.GetAsync("/health/ready")).StatusCode);
        using (var again = await PressAsync(kiosk, during)) Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kiosk.GetAsync("/health/ready")).StatusCode);
        await using var db = database.Open();
        Assert.Equal(1, await db.Responses.CountAsync(r => r.Id == first));
        Assert.Equal(1, await db.Responses.CountAsync(r => r.Id == during));
    }

    /// <summary>PostgreSQL only. A restarted server ends every connection it had with 57P01; each idle connection in an
    /// instance's pool then failed one more request or readiness probe (three instances behind nginx: one was still "not
    /// ready" after the server was back). The first failure now empties the pool.</summary>
    [Fact]
    public async Task After_the_server_ended_every_connection_the_first_probe_and_the_first_press_succeed()
    {
        if (!TestDatabase.IsPostgres) return;
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        var key = await Devices.AddAsync(database, "sjaellandsgade", "smiley");
        await using var app = new BorgerpulsApp(database);
        using var kiosk = app.CreateClient();
        kiosk.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Device " + key);
        Assert.Equal(HttpStatusCode.Created, (await PressAsync(kiosk, Guid.NewGuid())).StatusCode);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.CreateClient().GetAsync("/health/ready")));

        // What a restart does to the connections it had: ended by the server, with 57P01.
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.Value) { Pooling = false }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var others = new NpgsqlCommand("SELECT array_agg(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", admin);
            var ended = (int[])(await others.ExecuteScalarAsync())!;
            Assert.True(ended.Length >= 2);
            await using var terminate = new NpgsqlCommand("SELECT count(*) FROM unnest(@ended) AS p WHERE pg_terminate_backend(p)", admin);
            terminate.Parameters.AddWithValue("ended", ended);
            await terminate.ExecuteScalarAsync();
            // pg_terminate_backend only signals: on a busy machine a backend may take a moment to end. A restart has ended
            // them all before it accepts connections again, so the probe is sent once they are gone.
            await using var gone = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE pid = ANY(@ended)", admin);
            gone.Parameters.AddWithValue("ended", ended);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while ((long)(await gone.ExecuteScalarAsync())! > 0 && clock.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(50);
        }

        using (var probe = await kiosk.GetAsync("/health/ready"))
        {
            Assert.True(probe.StatusCode == HttpStatusCode.OK, $"{probe.StatusCode}: {await probe.Content.ReadAsStringAsync()}");
        }
        var press = Guid.NewGuid();
        HttpStatusCode status;
        using (var first = await PressAsync(kiosk, press)) status = first.StatusCode;
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(HttpStatusCode.OK, (await kiosk.GetAsync("/health/ready")).StatusCode);
        await using var db = database.Open();
        Assert.Equal(1, await db.Responses.CountAsync(r => r.Id == press));
    }

    private static Task<HttpResponseMessage> PressAsync(HttpClient kiosk, Guid id) =>
        kiosk.PostAsync("/api/v1/responses", new StringContent(
            $$$"""{"id":"{{{id}}}","instrument":"smiley","answeredAt":"{{{DateTimeOffset.UtcNow.AddMinutes(-5):O}}}","answers":{"besoeg":"3"}}""",
            Encoding.UTF8, "application/json"));

    /// <summary>A loopback TCP relay to the PostgreSQL server; Stop closes the port and cuts every open connection.</summary>
    private sealed class TcpRelay(string host, int targetPort) : IAsyncDisposable
    {
        private readonly List<TcpClient> _open = [];
        private TcpListener? _listener;

        public int Port { get; private set; }

        public void Start()
        {
            _listener = new TcpListener(IPAddress.Loopback, Port);
            _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            var listener = _listener;
            _ = Task.Run(async () =>
            {
                while (true)
                {
                    TcpClient incoming;
                    try { incoming = await listener.AcceptTcpClientAsync(); }
                    catch (Exception e) when (e is SocketException or ObjectDisposedException) { return; }
                    var outgoing = new TcpClient();
                    await outgoing.ConnectAsync(host, targetPort);
                    lock (_open) { _open.Add(incoming); _open.Add(outgoing); }
                    _ = Pump(incoming, outgoing);
                    _ = Pump(outgoing, incoming);
                }
            });
        }

        private static async Task Pump(TcpClient from, TcpClient to)
        {
            try { await from.GetStream().CopyToAsync(to.GetStream()); }
            catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException) { }
            finally { from.Close(); to.Close(); }
        }

        public void Stop()
        {
            _listener?.Stop();
            _listener = null;
            lock (_open)
            {
                foreach (var client in _open) client.Close();
                _open.Clear();
            }
        }

        public ValueTask DisposeAsync()
        {
            Stop();
            return ValueTask.CompletedTask;
        }
    }
}
