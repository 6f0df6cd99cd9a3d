namespace Borgerpuls.Features.Import.Reading;

/// <summary>The file cannot be read at all: wrong format or extension, wrong delimiter, broken encoding, a bad header,
/// a hostile archive, or a limit exceeded. Thrown by <see cref="WideFileReader.Open(Stream, string, ReadLimits)"/> and
/// while enumerating <see cref="IWideFile.Rows"/>. <see cref="Line"/> is set when the problem has a place in the file.</summary>
internal sealed class ImportFileException : Exception
{
    public ImportFileException(string message, string danishMessage, int? line = null)
        : base(message)
    {
        DanishMessage = danishMessage;
        Line = line;
    }

    public ImportFileException(string message, string danishMessage, Exception innerException)
        : base(message, innerException)
    {
        DanishMessage = danishMessage;
    }

    /// <summary>The same message for the Danish user interface.</summary>
    public string DanishMessage { get; }

    public int? Line { get; }
}
