using Borgerpuls.Analysis;
using Microsoft.Extensions.Options;

namespace Borgerpuls.Security.Anonymity;

/// <summary>The anonymity settings (section <c>Anonymity</c>, docs/configuration.md), read once and checked at start-up:
/// every output that shows figures takes its thresholds from here, so no endpoint can read a different k.</summary>
public sealed class AnonymityOptions
{
    public const string Section = "Anonymity";

    /// <summary>Respondents a group needs before it shows figures; hidden cells of a breakdown together hold at least k.</summary>
    public int K { get; set; } = Suppression.DefaultK;

    /// <summary>Respondents a segment needs before managers see its quotes.</summary>
    public int KComments { get; set; } = Suppression.DefaultCommentK;

    /// <summary>Days the differencing guard remembers a shown set, from when it was last shown.</summary>
    public int DifferencingWindowDays { get; set; } = 180;

    /// <summary>Distinct sets remembered per user within the window.</summary>
    public int DifferencingMaxSets { get; set; } = 100_000;

    public TimeSpan DifferencingWindow => TimeSpan.FromDays(DifferencingWindowDays);
}

/// <summary>The rules of docs/configuration.md. A setting outside them stops start-up naming the setting: a server must never
/// run with a threshold that shows what it should hide.</summary>
internal sealed class AnonymityOptionsValidator : IValidateOptions<AnonymityOptions>
{
    public ValidateOptionsResult Validate(string? name, AnonymityOptions o)
    {
        var errors = new List<string>();
        if (o.K < Suppression.MinimumK)
            errors.Add($"Anonymity:K is {o.K}; the anonymity threshold can never be below {Suppression.MinimumK}.");
        // Quotes are finer-grained than counts: a segment too small for figures must never show what its citizens wrote.
        if (o.KComments < o.K)
            errors.Add($"Anonymity:KComments is {o.KComments}; it must be at least Anonymity:K ({o.K}).");
        // A window of 0 days would remember nothing, which switches the differencing guard off between requests.
        if (o.DifferencingWindowDays < 1)
            errors.Add($"Anonymity:DifferencingWindowDays is {o.DifferencingWindowDays}; it must be at least 1.");
        if (o.DifferencingMaxSets < 1)
            errors.Add($"Anonymity:DifferencingMaxSets is {o.DifferencingMaxSets}; it must be at least 1.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

internal static class AnonymitySetup
{
    public static IServiceCollection AddAnonymity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnonymityOptions>().Bind(configuration.GetSection(AnonymityOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AnonymityOptions>, AnonymityOptionsValidator>();
        // Handlers and pages take the settings themselves, not IOptions: they are fixed for the process's life.
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AnonymityOptions>>().Value);
        services.AddSingleton<DisclosureGuard>();
        return services;
    }

    /// <summary>Checks the settings before anything touches the database; throws <see cref="OptionsValidationException"/>
    /// naming every setting that is wrong.</summary>
    public static void CheckAnonymitySettings(this IServiceProvider services) => _ = services.GetRequiredService<AnonymityOptions>();
}
