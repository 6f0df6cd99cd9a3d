using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Borgerpuls.Security;

/// <summary>Which forwarded headers are believed, and from whom. Without <c>Proxy:Trusted</c> only <c>X-Forwarded-Proto</c> is
/// read (from anyone: it decides no more than whether cookies are marked secure), and the client address is the connection's.
/// With it — the addresses or networks of the reverse proxies, e.g. <c>127.0.0.1</c> or <c>10.0.0.0/24</c> — a request from
/// one of them also gives its client's address from <c>X-Forwarded-For</c>, so the per-address rate limits count each
/// citizen and each member of staff behind nginx again, not the proxy as one client. A header from anyone else is ignored:
/// a client cannot choose its own partition.</summary>
internal static class TrustedProxies
{
    public static void Configure(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        var trusted = Parse(configuration["Proxy:Trusted"]);
        if (trusted.Count == 0)
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedProto;
            return;
        }
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        // The proxy appends the address it saw; the one proxy in front is the only one whose word counts.
        options.ForwardLimit = 1;
        foreach (var entry in trusted)
        {
            if (entry.Contains('/', StringComparison.Ordinal)) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
            else options.KnownProxies.Add(IPAddress.Parse(entry));
        }
    }

    /// <summary>The list as written (comma- or space-separated), or an error at start-up naming the entry that is not an
    /// address or network: a typo must not silently trust nobody, or everybody.</summary>
    public static List<string> Parse(string? value)
    {
        var entries = (value ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        foreach (var entry in entries)
        {
            var valid = entry.Contains('/', StringComparison.Ordinal) ? System.Net.IPNetwork.TryParse(entry, out _) : IPAddress.TryParse(entry, out _);
            if (!valid)
            {
                throw new InvalidOperationException($"Proxy:Trusted: '{entry}' is not an IP address or network (e.g. 127.0.0.1 or 10.0.0.0/24).");
            }
        }
        return entries;
    }
}
