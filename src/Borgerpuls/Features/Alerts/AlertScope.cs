namespace Borgerpuls.Features.Alerts;

/// <summary>What a rule watches, as stored in <see cref="Domain.AlertRule.Scope"/>: <c>site:KEY</c>, <c>jobcentre:KEY</c>,
/// <c>target:KEY</c>, or empty (every device).</summary>
public static class AlertScope
{
    public const string Site = "site:", JobCentre = "jobcentre:", Target = "target:";

    public static string? KeyOf(string scope, string prefix) => scope.StartsWith(prefix, StringComparison.Ordinal) ? scope[prefix.Length..] : null;
}
