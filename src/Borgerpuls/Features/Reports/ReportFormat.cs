namespace Borgerpuls.Features.Reports;

public enum ReportFormat
{
    Docx,
    Xlsx,
    Html,
}

/// <summary>Choosing and writing a format: by the output file's extension on the command line, by name on the API.</summary>
public static class ReportFormats
{
    public static ReportFormat? Parse(string? name) => name?.Trim().TrimStart('.').ToLowerInvariant() switch
    {
        "docx" => ReportFormat.Docx,
        "xlsx" => ReportFormat.Xlsx,
        "html" or "htm" => ReportFormat.Html,
        _ => null,
    };

    public static ReportFormat? FromPath(string path) => Parse(Path.GetExtension(path));

    public static string ContentType(ReportFormat format) => format switch
    {
        ReportFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ReportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "text/html; charset=utf-8",
    };

    public static string Extension(ReportFormat format) => format.ToString().ToLowerInvariant();

    public static byte[] Write(ReportData data, ReportFormat format, ReportText text)
    {
        var document = ReportComposer.Compose(data, text);
        return format switch
        {
            ReportFormat.Docx => DocxReportWriter.Write(document),
            ReportFormat.Xlsx => XlsxReportWriter.Write(document, text["SheetAbout"], text["PageFooter"]),
            _ => HtmlReportWriter.Write(document),
        };
    }
}
