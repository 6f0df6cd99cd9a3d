using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Borgerpuls.Tests.Infrastructure;

/// <summary>The real executable, as a municipality runs it.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the server has written to its console so far (warnings and above, as started here).</summary>
    public string Output => string.Join('\n', _output);

    public static async Task<ServerProcess> StartAsync(string db, params string[] extra)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] args = [Path.Combine(AppContext.BaseDirectory, "Borgerpuls.dll"), "--db", db, "--urls", address.ToString(),
            "--RateLimits:CitizenPerMinute", "100000000", "--Retention:Enabled", "false", "--Logging:LogLevel:Default", "Warning", .. extra];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["DOTNET_NOLOGO"] = "1";
        var process = Process.Start(start)!;
        var server = new ServerProcess(process, address);
        // Drain the output so a chatty server never blocks on a full pipe.
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) server._output.Enqueue(line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) server._output.Enqueue(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await probe.GetAsync("/health")).IsSuccessStatusCode) return server;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            Assert.False(process.HasExited, "the server exited while starting");
            await Task.Delay(200);
        }
        server.Dispose();
        throw new TimeoutException("the server did not start");
    }

    public HttpClient Client(string deviceKey, int connections)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", deviceKey);
        return http;
    }

    /// <summary>SIGKILL on Unix: no shutdown hooks, no flush — the same as kill -9 or a power cut for the process.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
