using System.IO.Compression;
using System.Text;

namespace Borgerpuls.Tests.Features.Import.Reading;

/// <summary>Hand-made changes to a workbook's zip, for files no honest tool would write.</summary>
internal static class ZipSurgery
{
    /// <summary>The workbook with the entry whose name contains <paramref name="nameContains"/> rewritten.</summary>
    public static byte[] Replace(byte[] workbook, string nameContains, Action<Stream> write, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.Entries.First(e => e.FullName.Contains(nameContains, StringComparison.Ordinal));
            var name = entry.FullName;
            entry.Delete();
            using var content = zip.CreateEntry(name, level).Open();
            write(content);
        }
        return stream.ToArray();
    }

    public static byte[] Replace(byte[] workbook, string nameContains, string xml) =>
        Replace(workbook, nameContains, s => s.Write(Encoding.UTF8.GetBytes(xml)));

    /// <summary>The classic "billion laughs": nine levels of entities, each ten of the one below.</summary>
    public static string BillionLaughs(string rootElement)
    {
        var dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            dtd.Append($"<!ENTITY lol{i} \"").Append(string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))).Append("\">");
        }
        dtd.Append("]>");
        return $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>{dtd}{rootElement}";
    }
}
