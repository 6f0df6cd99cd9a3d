using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Borgerpuls.Features.Reports;

/// <summary>A chart as an inline Word picture, as wide as the text and with its alternative text in the picture's
/// description, which is where Word and screen readers look for it.</summary>
internal static class DocxImage
{
    // 16.5 cm: the A4 text width between the report's 2 cm margins, in EMU (914 400 per inch).
    private const long Width = 5_940_000;

    public static Paragraph Paragraph(MainDocumentPart main, ReportImage image, uint id)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var stream = new MemoryStream(image.Png))
        {
            part.FeedData(stream);
        }
        var (pixelsWide, pixelsHigh) = PngSize(image.Png);
        var height = Width * pixelsHigh / pixelsWide;
        var picture = new PIC.Picture(
            new PIC.NonVisualPictureProperties(
                new PIC.NonVisualDrawingProperties { Id = 0U, Name = $"chart-{id}.png", Description = image.AltText },
                new PIC.NonVisualPictureDrawingProperties()),
            new PIC.BlipFill(new A.Blip { Embed = main.GetIdOfPart(part) }, new A.Stretch(new A.FillRectangle())),
            new PIC.ShapeProperties(
                new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = Width, Cy = height }),
                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }));
        var inline = new DW.Inline(
            new DW.Extent { Cx = Width, Cy = height },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = image.Caption, Description = image.AltText },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(picture) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U,
        };
        return new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Normal" }, new KeepNext()), new Run(new Drawing(inline)));
    }

    // The IHDR chunk of every PNG holds the width and height, big-endian, at bytes 16–23.
    private static (long Width, long Height) PngSize(byte[] png) =>
        (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
}
