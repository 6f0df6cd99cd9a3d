using System.Net;
using Borgerpuls.Tests.Infrastructure;

namespace Borgerpuls.Tests.Security;

/// <summary>Behind nginx every request comes from the proxy's address. The per-address sign-in limit then counted the whole
/// municipality's staff as one client; with the proxy named in <c>Proxy:Trusted</c> it counts each client again, and a
/// forwarded address sent by anyone else changes nothing. Real server processes: the in-memory test server has no client
/// address.</summary>
public sealed class TrustedProxyTests
{
    private static async Task<HttpStatusCode> SignInAttemptAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/login") { Content = new FormUrlEncodedContent([new("email", "x@aabaek.dk"), new("password", "forkert")]) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_client_has_its_own_sign_in_limit()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var server = await ServerProcess.StartAsync(database.Value, "--RateLimits:SignInPerMinute", "2", "--Proxy:Trusted", "127.0.0.1, 10.0.0.0/24");
        using var proxy = new HttpClient { BaseAddress = server.Address };

        Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAttemptAsync(proxy, "203.0.113.1"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAttemptAsync(proxy, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAttemptAsync(proxy, "203.0.113.1"));
        // A colleague behind the same proxy is not refused for the first one's attempts.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAttemptAsync(proxy, "203.0.113.2"));
    }

    [Fact]
    public async Task Without_a_trusted_proxy_a_forwarded_address_buys_no_new_attempts()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var server = await ServerProcess.StartAsync(database.Value, "--RateLimits:SignInPerMinute", "2");
        using var client = new HttpClient { BaseAddress = server.Address };

        Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAttemptAsync(client, "203.0.113.1"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAttemptAsync(client, "203.0.113.2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAttemptAsync(client, "203.0.113.3"));
    }

    [Theory]
    [InlineData("127.0.0.1, 10.0.0.0/24", 2)]
    [InlineData("", 0)]
    [InlineData("::1 192.168.1.7", 2)]
    public void The_trusted_list_is_read_as_written(string value, int count) => Assert.Equal(count, Borgerpuls.Security.TrustedProxies.Parse(value).Count);

    [Theory]
    [InlineData("nginx")]
    [InlineData("10.0.0.0/99")]
    public void A_typo_in_the_trusted_list_stops_the_start_by_name(string entry)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Borgerpuls.Security.TrustedProxies.Parse("127.0.0.1," + entry));
        Assert.Contains($"'{entry}' is not an IP address or network", error.Message);
    }
}
