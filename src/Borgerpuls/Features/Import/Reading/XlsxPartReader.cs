using System.Xml;

namespace Borgerpuls.Features.Import.Reading;

/// <summary>A forward-only XML reader over one SpreadsheetML part (a worksheet or the shared string table). Nothing is
/// ever loaded as an element tree: the SDK's <c>LoadCurrentElement</c> builds a whole &lt;row&gt; in memory, and a
/// hostile row of a million cells then took gigabytes. Text is taken in chunks into a <see cref="BoundedCellText"/>, so
/// neither a huge row nor a huge cell is held.</summary>
internal sealed class XlsxPartReader : IDisposable
{
    private const string Transitional = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Strict = "http://purl.oclc.org/ooxml/spreadsheetml/main";

    private readonly XmlReader xml;
    private readonly char[] chunk = new char[4096];

    public XlsxPartReader(Stream part, ReadLimits limits)
    {
        xml = XmlReader.Create(new XlsxMarkupGuard(part), new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = limits.MaxUncompressedBytes,
            // As the SDK reads: white space between elements and in a <t> without xml:space="preserve" is not text.
            IgnoreWhitespace = true,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        });
    }

    public int Depth => xml.Depth;

    public bool IsEmptyElement => xml.IsEmptyElement;

    /// <summary>The next SpreadsheetML element named <paramref name="localName"/> anywhere further on, or false at the end.</summary>
    public bool NextElement(string localName)
    {
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && Is(localName)) return true;
        }
        return false;
    }

    /// <summary>From inside the element at <paramref name="depth"/>, the next child element; false on the element's end
    /// tag. Anything of a child that the caller did not read (formulas, phonetic runs, extensions) is passed over here
    /// without its text being built. Never call it for an empty element.</summary>
    public bool NextChild(int depth)
    {
        while (xml.Read())
        {
            if (xml.Depth == depth && xml.NodeType == XmlNodeType.EndElement) return false;
            if (xml.Depth == depth + 1 && xml.NodeType == XmlNodeType.Element) return true;
        }
        throw new XmlException("The part ends inside an element.");
    }

    public bool Is(string localName) =>
        xml.LocalName == localName && xml.NamespaceURI is Transitional or Strict;

    public string? Attribute(string name) => xml.GetAttribute(name);

    /// <summary>The text of the current element (a &lt;t&gt; or &lt;v&gt;), appended chunk by chunk.</summary>
    public void ReadText(BoundedCellText into)
    {
        if (xml.IsEmptyElement) return;
        var depth = xml.Depth;
        while (xml.Read())
        {
            if (xml.Depth == depth && xml.NodeType == XmlNodeType.EndElement) return;
            if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
            {
                int read;
                while ((read = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0) into.Append(chunk.AsSpan(0, read));
            }
        }
        throw new XmlException("The part ends inside a text.");
    }

    /// <summary>The text of an &lt;si&gt; or &lt;is&gt; string item: its &lt;t&gt; and the &lt;t&gt; of its rich text
    /// runs, in order. Phonetic guides (&lt;rPh&gt;) are not part of the text Excel shows, so they are passed over.</summary>
    public void ReadItem(BoundedCellText into)
    {
        if (xml.IsEmptyElement) return;
        var depth = xml.Depth;
        while (NextChild(depth))
        {
            if (Is("t"))
            {
                ReadText(into);
            }
            else if (Is("r") && !xml.IsEmptyElement)
            {
                var run = xml.Depth;
                while (NextChild(run))
                {
                    if (Is("t")) ReadText(into);
                }
            }
        }
    }

    public void Dispose() => xml.Dispose();
}
