using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Borgerpuls.Features.Reports;

/// <summary>The report as one print-ready HTML page: semantic headings and tables (header rows repeat on every printed page),
/// a print stylesheet for A4, no script at all.</summary>
public static class HtmlReportWriter
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static byte[] Write(ReportDocument report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(E(report.Language)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(report.Title)).Append("</title>\n<style>").Append(ReportStylesheet.Css).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append("<header>\n<h1>").Append(E(report.Title)).Append("</h1>\n<p class=\"subtitle\">").Append(E(report.Subtitle)).Append("</p>\n</header>\n");
        Contents(html, report);
        var heading = 0;
        foreach (var block in report.Blocks)
        {
            switch (block)
            {
                case ReportHeading h:
                    html.Append(h.Level == 1 ? "<h2" : "<h3").Append($" id=\"{Anchor(heading++)}\">").Append(E(h.Text)).Append(h.Level == 1 ? "</h2>\n" : "</h3>\n");
                    break;
                case ReportParagraph p: html.Append(p.Note ? "<p class=\"note\">" : "<p>").Append(E(p.Text)).Append("</p>\n"); break;
                case ReportQuote q: html.Append("<blockquote><p>»").Append(E(q.Text)).Append("«</p><footer>").Append(E(q.Source)).Append("</footer></blockquote>\n"); break;
                case ReportBullets b: html.Append("<ul>\n").AppendJoin("", b.Items.Select(i => "<li>" + E(i) + "</li>\n")).Append("</ul>\n"); break;
                case ReportTable { WorkbookOnly: false } t: Table(html, t); break;
                case ReportImage i: Image(html, i); break;
            }
        }
        html.Append("</main>\n</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private static string Anchor(int heading) => $"afsnit-{heading + 1}";

    /// <summary>The sections as links, so a long report on screen is one click from each part.</summary>
    private static void Contents(StringBuilder html, ReportDocument report)
    {
        var title = new ReportText(System.Globalization.CultureInfo.GetCultureInfo(report.Language))["Contents"];
        html.Append("<nav class=\"contents\" aria-labelledby=\"indhold\">\n<h2 id=\"indhold\">").Append(E(title)).Append("</h2>\n<ol>\n");
        var headings = report.Blocks.OfType<ReportHeading>().ToList();
        for (var i = 0; i < headings.Count; i++)
        {
            if (headings[i].Level == 1) html.Append($"<li><a href=\"#{Anchor(i)}\">").Append(E(headings[i].Text)).Append("</a></li>\n");
        }
        html.Append("</ol>\n</nav>\n");
    }

    private static void Table(StringBuilder html, ReportTable table)
    {
        html.Append("<table>\n<caption>").Append(E(table.Caption)).Append("</caption>\n<thead><tr>");
        for (var i = 0; i < table.Header.Count; i++)
        {
            html.Append(table.IsFigureColumn(i) ? "<th scope=\"col\" class=\"figure\">" : "<th scope=\"col\">").Append(E(table.Header[i].Text)).Append("</th>");
        }
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                var classes = string.Join(' ', new[]
                {
                    cell.IsFigure ? "figure" : null, cell.Kind == CellKind.Suppressed ? "suppressed" : null, cell.Strong ? "strong" : null,
                }.Where(c => c is not null));
                html.Append(classes.Length > 0 ? $"<td class=\"{classes}\">" : "<td>").Append(E(cell.Text));
                if (cell.Detail is { Length: > 0 } detail)
                {
                    html.Append("<span class=\"detail\">").Append(E(detail)).Append("</span>");
                }
                html.Append("</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    // The SVG goes in as an image rather than inline markup: the chart's own styles stay inside it, and the page's policy
    // allows data: images but no inline styles.
    private static void Image(StringBuilder html, ReportImage image) =>
        html.Append("<figure class=\"chart\">\n<figcaption>").Append(E(image.Caption)).Append("</figcaption>\n<img src=\"data:image/svg+xml;base64,")
            .Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(image.Svg))).Append("\" alt=\"").Append(E(image.AltText)).Append("\">\n</figure>\n");

    private static string E(string text) => Encoder.Encode(text);
}
