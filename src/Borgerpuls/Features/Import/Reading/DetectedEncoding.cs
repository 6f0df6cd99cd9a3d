namespace Borgerpuls.Features.Import.Reading;

/// <summary>What <see cref="DetectingTextReader"/> has concluded about a text file's encoding so far.</summary>
internal enum DetectedEncoding
{
    /// <summary>Only ASCII seen yet: identical in UTF-8 and Windows-1252, so the choice can wait.</summary>
    Ascii,
    Utf8,
    Utf8WithBom,
    Windows1252,
    Utf16LittleEndian,
    Utf16BigEndian,
}
