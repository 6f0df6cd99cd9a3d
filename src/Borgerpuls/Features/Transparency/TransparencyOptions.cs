using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Borgerpuls.Features.Transparency;

/// <summary>Settings of the public transparency page (section <c>Transparency</c>).</summary>
public sealed partial class TransparencyOptions
{
    public const string Section = "Transparency";

    /// <summary>The origins allowed to show the embeddable page in a frame, e.g. <c>https://www.aabaek.dk</c>, separated by
    /// spaces or commas. Empty: no site may frame it (<c>frame-ancestors 'none'</c>), as every other page.</summary>
    public string FrameAncestors { get; set; } = "";

    public IReadOnlyList<string> Origins => FrameAncestors.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The <c>frame-ancestors</c> source list of the embeddable page.</summary>
    public string FrameAncestorsSource => Origins.Count == 0 ? "'none'" : string.Join(' ', Origins);

    /// <summary>An origin as a CSP source: scheme, host and optional port, nothing that could end the directive.</summary>
    [GeneratedRegex(@"^https?://(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:\d{1,5})?$")]
    public static partial Regex Origin();
}

internal sealed class TransparencyOptionsValidator : IValidateOptions<TransparencyOptions>
{
    public ValidateOptionsResult Validate(string? name, TransparencyOptions o)
    {
        var bad = o.Origins.Where(origin => !TransparencyOptions.Origin().IsMatch(origin)).ToList();
        return bad.Count == 0 ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Transparency:FrameAncestors holds {string.Join(", ", bad)}; write origins such as https://www.kommune.dk, separated by spaces.");
    }
}

internal static class TransparencySetup
{
    public static IServiceCollection AddTransparency(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TransparencyOptions>().Bind(configuration.GetSection(TransparencyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TransparencyOptions>, TransparencyOptionsValidator>();
        services.AddSingleton<PublicSnapshots>();
        return services;
    }
}
