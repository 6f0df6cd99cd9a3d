namespace Borgerpuls.Features.Import.Reading;

/// <summary>A row that could not be handed over (wrong number of cells, a cell too long, a stray quote). Reported rather
/// than thrown so that the caller can list every bad row of the file in one go. <paramref name="Column"/> is the header
/// name when one column is at fault.</summary>
internal sealed record ReadProblem(int Line, string? Column, string Message, string DanishMessage)
{
    public override string ToString() => Column is null ? $"line {Line}: {Message}" : $"line {Line}, column \"{Column}\": {Message}";
}
