using System.Globalization;
using Borgerpuls.Localization;

namespace Borgerpuls.Features.Import;

/// <summary>One problem in an import file, located by line and column, saying what was expected in the reader's language.</summary>
public sealed record ImportError(int Line, string? Column, Wording Wording)
{
    public string Text(CultureInfo culture) => Wording.In(culture);

    public override string ToString() => Column is null ? $"line {Line}: {Wording}" : $"line {Line}, column \"{Column}\": {Wording}";
}

/// <summary>The file cannot be read at all (wrong format, hostile archive, too large), or the import was asked for wrongly
/// (an unknown instrument, a bad --set). <see cref="Exception.Message"/> is English, for logs.</summary>
public sealed class ImportFileException(Wording wording) : Exception(wording.ToString())
{
    public ImportFileException(string key, params object?[] args) : this(Wording.Of(key, args))
    {
    }

    public string Text(CultureInfo culture) => wording.In(culture);
}
