using System.IO.Compression;
using System.Text;
using static Borgerpuls.Tests.Features.Import.Reading.XlsxBuilder;

namespace Borgerpuls.Tests.Features.Import.Reading;

/// <summary>Workbooks whose sheet or shared string XML is written by hand, streamed into the zip, for rows and texts far
/// larger than a test should hold as objects.</summary>
internal static class HostileSheets
{
    public const string Namespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>A header of <paramref name="header"/> texts on line 1, then the rows written by <paramref name="rows"/>
    /// (which write complete &lt;row&gt; elements).</summary>
    public static byte[] Sheet(string[] header, Action<StreamWriter> rows, IEnumerable<string>? sharedStrings = null, CompressionLevel level = CompressionLevel.Optimal) =>
        ZipSurgery.Replace(Build([Row(1, Inline("A1", "x"))], sharedStrings), "worksheets/", stream =>
        {
            using var xml = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024);
            xml.Write($"<worksheet xmlns=\"{Namespace}\"><sheetData><row r=\"1\">");
            foreach (var name in header) xml.Write($"<c t=\"inlineStr\"><is><t>{name}</t></is></c>");
            xml.Write("</row>");
            rows(xml);
            xml.Write("</sheetData></worksheet>");
        }, level);

    /// <summary>About a megabyte of zip: a header, one row, and on line 3 a row of half a million cells without
    /// references (8 MB of XML). The values are random so that the sheet expands about 8-fold, like real sheet XML, and
    /// passes the zip bomb check.</summary>
    public static byte[] HugeRow(string[] header, string firstRow)
    {
        var random = new Random(13);
        return Sheet(header, xml =>
        {
            xml.Write($"<row r=\"2\">{firstRow}</row><row r=\"3\">");
            for (var i = 0; i < 500_000; i++) xml.Write($"<c><v>{random.Next(1000)}</v></c>");
            xml.Write("</row>");
        });
    }

    /// <summary>One string repeated to <paramref name="length"/> characters, written without building it.</summary>
    public static void Repeat(StreamWriter xml, char c, long length)
    {
        var block = new string(c, 64 * 1024);
        for (long written = 0; written < length; written += block.Length) xml.Write(block.AsSpan(0, (int)Math.Min(block.Length, length - written)));
    }
}
