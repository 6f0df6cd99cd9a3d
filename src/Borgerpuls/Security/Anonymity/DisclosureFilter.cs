using Borgerpuls.Localization;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Security.Anonymity;

/// <summary>Runs the differencing guard on whatever an endpoint's queries put in the request's ledger, after the endpoint
/// has built its answer and before anything is sent: an endpoint that shows figures cannot forget it.</summary>
public sealed class DisclosureFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        if (http.Features.Get<DisclosureLedger>() is not { } ledger) return result;
        var refusal = await CheckAsync(http, ledger);
        if (refusal is null)
        {
            await ledger.ShownAsync();
            return result;
        }
        var t = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["query"] = [Message(refusal, t)] }, title: t["Anonymity.Refused.Title"]);
    }

    public static Task<DisclosureRefusal?> CheckAsync(HttpContext http, DisclosureLedger ledger)
    {
        var guard = http.RequestServices.GetRequiredService<DisclosureGuard>();
        var k = http.RequestServices.GetRequiredService<AnonymityOptions>().K;
        return guard.CheckAsync(http.User.Identity?.Name ?? "?", Viewer.From(http.User), ledger, k, http.RequestAborted);
    }

    /// <summary>The guard for a page that shows what its queries put in the request's ledger: null when the figures may be
    /// shown (and the work waiting for that, such as an audit entry, has run), otherwise why not, in the reader's language.</summary>
    public static async Task<string?> RefusalAsync(HttpContext http, IStringLocalizer t)
    {
        if (http.Features.Get<DisclosureLedger>() is not { } ledger) return null;
        if (await CheckAsync(http, ledger) is { } refusal) return Message(refusal, t);
        await ledger.ShownAsync();
        return null;
    }

    public static string Message(DisclosureRefusal refusal, IStringLocalizer t) => refusal.Reason == DisclosureRefusalReason.TooMany
        ? t["Anonymity.Refused.TooMany"]
        : t["Anonymity.Refused.Differencing", refusal.K];
}

public static class DisclosureFilterExtensions
{
    /// <summary>Audits an output that shows figures once it is certain to be sent: at once for roles the guard does not apply
    /// to, after the guard passed for the others — a refused export or report is not logged as delivered.</summary>
    public static Task AuditShownAsync(this HttpContext http, AuditLog audit, string action, string details, CancellationToken ct)
    {
        if (http.Features.Get<DisclosureLedger>() is { } ledger)
        {
            ledger.WhenShown(() => audit.WriteAsync(action, details, ct: ct));
            return Task.CompletedTask;
        }
        return audit.WriteAsync(action, details, ct: ct);
    }

    /// <summary>Every endpoint that returns figures to staff goes behind this.</summary>
    public static TBuilder WithDisclosureGuard<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, DisclosureFilter>().WithMetadata(DisclosureGuardedAttribute.Instance);
}

/// <summary>Endpoint metadata saying that the differencing guard runs on the endpoint — through <see cref="DisclosureFilter"/>, or
/// for the dashboard's pages and chart downloads through its loader — so a test can list the endpoints that show figures and
/// find any without it.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DisclosureGuardedAttribute : Attribute
{
    public static readonly DisclosureGuardedAttribute Instance = new();
}
