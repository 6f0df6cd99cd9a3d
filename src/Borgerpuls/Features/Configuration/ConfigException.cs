namespace Borgerpuls.Features.Configuration;

/// <summary>One problem in a configuration document, located by its JSON path.</summary>
public sealed record ConfigError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>The document was rejected; nothing was changed. Lists every problem found, not only the first.</summary>
public sealed class ConfigException(IReadOnlyList<ConfigError> errors)
    : Exception("The configuration was rejected and nothing was changed:\n" + string.Join("\n", errors.Select(e => "  " + e)))
{
    public IReadOnlyList<ConfigError> Errors { get; } = errors;
}
