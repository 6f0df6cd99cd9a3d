using System.IO.Compression;
using System.Xml;

namespace Borgerpuls.Features.Import.Reading;

/// <summary>
/// Looks at an XLSX zip before any XML parser sees it, and refuses:
/// <list type="bullet">
/// <item>zip bombs: too many entries, too much declared uncompressed data, or an entry that expands implausibly
/// (deflate tops out near 1000-fold, real sheet XML is 5–50-fold);</item>
/// <item>XML bombs: any part with a DTD ("billion laughs" needs entity declarations, which only a DTD can hold). The
/// Open XML SDK also prohibits DTDs (a test pins that), but refusing here gives one clear message and does not depend
/// on a library default.</item>
/// </list>
/// An entry can lie about its uncompressed size; <see cref="ReadLimits.MaxUncompressedBytes"/> is therefore also
/// given to every XML reader as its character limit.
/// </summary>
internal static class XlsxArchiveGuard
{
    public static void Check(Stream stream, ReadLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var entries = zip.Entries;
            if (entries.Count > limits.MaxArchiveEntries)
            {
                throw new ImportFileException(
                    $"The workbook has {entries.Count} parts; at most {limits.MaxArchiveEntries} are accepted (refused as a possible zip bomb).",
                    $"Projektmappen har {entries.Count} dele; højst {limits.MaxArchiveEntries} accepteres (afvist som en mulig zip-bombe).");
            }
            long total = 0;
            foreach (var entry in entries)
            {
                total = entry.Length > long.MaxValue - total ? long.MaxValue : total + entry.Length;
                if (entry.Length > limits.CompressionRatioFloorBytes && entry.Length / Math.Max(1, entry.CompressedLength) > limits.MaxCompressionRatio)
                {
                    var ratio = entry.Length / Math.Max(1, entry.CompressedLength);
                    throw new ImportFileException(
                        $"The workbook part '{entry.FullName}' expands {ratio}-fold (at most {limits.MaxCompressionRatio}-fold is accepted); refused as a possible zip bomb.",
                        $"Projektmappens del '{entry.FullName}' udvider sig {ratio} gange (højst {limits.MaxCompressionRatio} gange accepteres); afvist som en mulig zip-bombe.");
                }
            }
            if (total > limits.MaxUncompressedBytes)
            {
                throw new ImportFileException(
                    $"The workbook expands to {total / (1024 * 1024)} MB; at most {limits.MaxUncompressedBytes / (1024 * 1024)} MB is accepted (refused as a possible zip bomb).",
                    $"Projektmappen fylder {total / (1024 * 1024)} MB udpakket; højst {limits.MaxUncompressedBytes / (1024 * 1024)} MB accepteres (afvist som en mulig zip-bombe).");
            }
            foreach (var entry in entries)
            {
                if (IsXml(entry.FullName)) RefuseDtd(entry, limits);
            }
        }
        catch (InvalidDataException e)
        {
            throw new ImportFileException(
                $"The file is not a readable Excel workbook (.xlsx is a zip archive, and this one is damaged): {e.Message}",
                $"Filen er ikke en læsbar Excel-projektmappe (.xlsx er et zip-arkiv, og dette er beskadiget): {e.Message}", e);
        }
    }

    private static bool IsXml(string name) =>
        name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".vml", StringComparison.OrdinalIgnoreCase);

    /// <summary>A DTD can only stand in the prolog, so reading up to the root element is enough, and cheap.</summary>
    private static void RefuseDtd(ZipArchiveEntry entry, ReadLimits limits)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            MaxCharactersInDocument = limits.MaxUncompressedBytes,
            CloseInput = true,
        };
        try
        {
            using var xml = XmlReader.Create(entry.Open(), settings);
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element) return;
            }
        }
        catch (XmlException e)
        {
            throw new ImportFileException(
                $"The workbook part '{entry.FullName}' has a DTD (document type declaration) or is not well-formed XML; refused, because entity declarations in a DTD are how XML bombs work. ({e.Message})",
                $"Projektmappens del '{entry.FullName}' har en DTD (dokumenttypeerklæring) eller er ikke velformet XML; afvist, fordi XML-bomber bygger på entitetserklæringer i en DTD. ({e.Message})", e);
        }
    }
}
