using System.Globalization;
using Borgerpuls.Localization;

namespace Borgerpuls.Features.Configuration;

/// <summary>One problem in a configuration document, located by its JSON path. The message is said in the reader's
/// language: the command line's, the builder page's; <see cref="ToString"/> is English, for logs.</summary>
public sealed record ConfigError(string Path, Wording Message)
{
    public ConfigError(string path, string key, params object?[] args) : this(path, Wording.Of(key, args))
    {
    }

    public string Text(CultureInfo culture) => Message.In(culture);

    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>The document was rejected; nothing was changed. Lists every problem found, not only the first.</summary>
public sealed class ConfigException(IReadOnlyList<ConfigError> errors)
    : Exception("The configuration was rejected and nothing was changed:\n" + string.Join("\n", errors.Select(e => "  " + e)))
{
    public IReadOnlyList<ConfigError> Errors { get; } = errors;
}
