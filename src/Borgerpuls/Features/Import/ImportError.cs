namespace Borgerpuls.Features.Import;

/// <summary>One problem in an import file, located by line and column, saying what was expected.</summary>
public sealed record ImportError(int Line, string? Column, string Message)
{
    public override string ToString() => Column is null ? $"line {Line}: {Message}" : $"line {Line}, column \"{Column}\": {Message}";
}

/// <summary>The file cannot be read at all (wrong format, hostile archive, too large).</summary>
public sealed class ImportFileException(string message) : Exception(message);
