namespace Borgerpuls.Features.Export;

/// <summary>A rectangular table of text cells, written as CSV or XLSX.</summary>
public sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string?>> Rows);
