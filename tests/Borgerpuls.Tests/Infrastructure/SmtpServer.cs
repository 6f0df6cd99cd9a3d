using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Borgerpuls.Tests.Infrastructure;

/// <summary>A real SMTP server process on a free loopback port: Debian's aiosmtpd (package python3-aiosmtpd, which test.sh
/// installs), storing every message it accepts in a Maildir that the tests read back.</summary>
public sealed class SmtpServer : IAsyncDisposable
{
    // aiosmtpd creates the Maildir (tmp, new, cur) only where no folder exists yet.
    private readonly string _folder = Directory.CreateTempSubdirectory("borgerpuls-smtp-").FullName;
    private string Maildir => Path.Combine(_folder, "maildir");
    private Process? _process;

    public SmtpServer(int? port = null)
    {
        Port = port ?? FreePort();
    }

    public int Port { get; }

    /// <summary>A port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task StartAsync()
    {
        // Debian's interpreter: the module is installed for it, not for another python3 that may come first on PATH.
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new ProcessStartInfo(python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start");
        for (var i = 0; i < 100; i++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"aiosmtpd ended at once (is python3-aiosmtpd installed?): {await _process.StandardError.ReadToEndAsync()}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new InvalidOperationException($"aiosmtpd does not answer on port {Port}");
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill();
            await p.WaitForExitAsync();
        }
    }

    /// <summary>Every message received so far, oldest first; with <paramref name="to"/>, only those for that address.</summary>
    public List<MimeMessage> Messages(string? to = null)
    {
        var folder = Path.Combine(Maildir, "new");
        if (!Directory.Exists(folder)) return [];
        return Directory.GetFiles(folder).Select(f => (File: f, Time: File.GetLastWriteTimeUtc(f))).OrderBy(f => f.Time).ThenBy(f => f.File, StringComparer.Ordinal)
            .Select(f => MimeMessage.Load(f.File))
            .Where(m => to is null || m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>One SMTP server for a test class; tests tell their mails apart by recipient.</summary>
public sealed class SmtpServerFixture : IAsyncLifetime
{
    public SmtpServer Server { get; } = new();

    public Task InitializeAsync() => Server.StartAsync();

    public Task DisposeAsync() => Server.DisposeAsync().AsTask();
}
