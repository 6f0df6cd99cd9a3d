using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Borgerpuls.Features.Import.Reading;

/// <summary>Text of XLSX string items (shared strings and inline strings), as Excel shows it.</summary>
internal static class XlsxText
{
    /// <summary>The text of an &lt;si&gt; or &lt;is&gt; element: its &lt;t&gt;, or the concatenated &lt;t&gt; of its rich
    /// text runs. Not InnerText, which would also append phonetic guides (&lt;rPh&gt;) to the text.</summary>
    public static string ItemText(OpenXmlElement? item)
    {
        if (item is null) return "";
        var text = item.GetFirstChild<Text>();
        if (text is not null) return Unescape(text.Text);
        var runs = new StringBuilder();
        foreach (var run in item.Elements<Run>()) runs.Append(run.Text?.Text);
        return Unescape(runs.ToString());
    }

    /// <summary>Excel stores characters XML cannot carry, notably the carriage return of a pasted "\r\n", as "_xHHHH_"
    /// (ECMA-376 ST_Xstring), and a literal "_x" as "_x005F_x". Decoded here so the cell reads as typed.</summary>
    public static string Unescape(string text)
    {
        if (!text.Contains("_x", StringComparison.Ordinal)) return text;
        var decoded = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '_' && i + 6 < text.Length && text[i + 1] == 'x' && text[i + 6] == '_'
                && ushort.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                decoded.Append((char)code);
                i += 7;
            }
            else
            {
                decoded.Append(text[i++]);
            }
        }
        return decoded.ToString();
    }
}
