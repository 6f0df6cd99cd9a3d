using System.Net;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Borgerpuls.Tests.Security;

/// <summary>Every endpoint declares a policy or is explicitly public, and each role gets exactly what its policy allows.</summary>
public sealed class AuthorizationMatrixTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        [Policies.Admin] = [Roles.Admin],
        [Policies.Analyst] = [Roles.Admin, Roles.Analyst],
        [Policies.Staff] = [Roles.Admin, Roles.Analyst, Roles.Manager],
        [Policies.Aggregates] = [Roles.Admin, Roles.Analyst, Roles.Manager, Roles.Committee],
        [Policies.Device] = [],
    };

    private sealed record Endpoint(string Route, string Method, string? Policy, bool Public);

    private static List<Endpoint> Enumerate(BorgerpulsApp app)
    {
        var list = new List<Endpoint>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var isPublic = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policy = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
            foreach (var method in methods)
            {
                list.Add(new Endpoint(route, method, policy, isPublic));
            }
        }
        return list;
    }

    [Fact]
    public async Task Every_endpoint_is_public_or_declares_a_known_policy()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new BorgerpulsApp(database);
        _ = app.CreateClient();

        var endpoints = Enumerate(app);

        Assert.NotEmpty(endpoints);
        // The committee report carries aggregates only, so committee members may download it (and the matrix below checks every role).
        Assert.Contains(endpoints, e => e.Route == "/api/v1/reports" && e.Method == "GET" && e.Policy == Policies.Aggregates);
        // Staff record the paper forms they handed out for their own centres, as they type in paper forms.
        Assert.Contains(endpoints, e => e.Route == "/api/v1/paper-distributions" && e.Method == "POST" && e.Policy == Policies.Staff);
        Assert.Contains(endpoints, e => e.Route == "/paper" && e.Policy == Policies.Staff);
        var undeclared = endpoints.Where(e => !e.Public && (e.Policy is null || !Allowed.ContainsKey(e.Policy))).ToList();
        Assert.True(undeclared.Count == 0, "Endpoints without a known policy: " + string.Join(", ", undeclared.Select(e => $"{e.Method} {e.Route}")));
    }

    [Fact]
    public async Task Each_role_is_allowed_exactly_where_its_policy_says()
    {
        await using var database = await TestDatabase.CreateAsync();
        await CliRunner.RunAsync("demo-data", "--responses", "50", "--db", database.Value);
        await using var app = new BorgerpulsApp(database);
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in Roles.Staff)
        {
            clients[role] = await app.SignedInClientAsync(role, "jc-centrum");
        }
        clients["anonymous"] = app.CreateClient(new() { AllowAutoRedirect = false });

        var failures = new List<string>();
        var checkedEndpoints = 0;
        foreach (var endpoint in Enumerate(app).Where(e => !e.Public))
        {
            // Route parameters get sample values; a POST gets an empty JSON body. An allowed role then sees a validation or
            // not-found answer, a denied one 401/403 or a redirect to sign-in — authorization runs before either.
            var route = System.Text.RegularExpressions.Regex.Replace(endpoint.Route, "\\{([a-z]+)(:[a-z]+)?\\??\\}", m => m.Groups[2].Value switch
            {
                ":long" or ":int" => "1",
                ":guid" => "00000000-0000-4000-8000-000000000001",
                _ => "sample",
            });
            checkedEndpoints++;
            foreach (var (who, client) in clients)
            {
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), route);
                if (endpoint.Route.StartsWith("/api", StringComparison.Ordinal))
                {
                    request.Headers.Accept.ParseAdd("application/json");
                }
                if (endpoint.Method == "POST")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }
                var response = await client.SendAsync(request);
                var location = response.Headers.Location?.OriginalString ?? "";
                var denied = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    || (response.StatusCode == HttpStatusCode.Redirect && (location.Contains("/login", StringComparison.Ordinal) || location.Contains("/access-denied", StringComparison.Ordinal)));
                var shouldAllow = Allowed[endpoint.Policy!].Contains(who);
                if (denied == shouldAllow)
                {
                    failures.Add($"{who} {(denied ? "denied" : "allowed")} {endpoint.Method} {route} ({(int)response.StatusCode})");
                }
            }
        }
        Assert.True(checkedEndpoints >= 13, $"only {checkedEndpoints} protected endpoints were found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
    /// <summary>Endpoints for kiosks and tablets only: behind the device policy (the device scheme answers 401 saying why), so no
    /// staff session or token opens them, and a device key does.</summary>
    private static readonly (string Method, string Route)[] DeviceEndpoints =
        [("GET", "/api/v1/devices/self"), ("POST", "/api/v1/devices/heartbeat"), ("POST", "/api/v1/declines"), ("POST", "/api/v1/follow-up")];

    [Fact]
    public async Task Device_endpoints_open_only_with_a_device_key()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        var tabletKey = await Devices.AddAsync(database, "sjaellandsgade", "borgeroplevelse-5", "tablet");
        await using var app = new BorgerpulsApp(database);
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in Roles.Staff)
        {
            clients[role] = await app.SignedInClientAsync(role, "jc-centrum");
        }
        clients["anonymous"] = app.CreateClient(new() { AllowAutoRedirect = false });
        var device = app.CreateClient(new() { AllowAutoRedirect = false });
        device.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Device", tabletKey);
        var endpoints = Enumerate(app);

        var failures = new List<string>();
        foreach (var (method, route) in DeviceEndpoints)
        {
            Assert.Contains(endpoints, e => e.Route == route && e.Method == method && !e.Public && e.Policy == Policies.Device);
            foreach (var (who, client) in clients.Append(new("device", device)))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), route);
                if (method == "POST")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }
                var response = await client.SendAsync(request);
                var denied = response.StatusCode == HttpStatusCode.Unauthorized;
                if (denied != (who != "device"))
                {
                    failures.Add($"{who} {(denied ? "denied" : "allowed")} {method} {route} ({(int)response.StatusCode})");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
