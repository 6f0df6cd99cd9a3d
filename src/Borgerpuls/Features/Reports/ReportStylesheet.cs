using System.Security.Cryptography;
using System.Text;

namespace Borgerpuls.Features.Reports;

/// <summary>The HTML report's only stylesheet, embedded so a saved file prints the same anywhere. Served by the app, the
/// response's CSP allows exactly this stylesheet by its hash — still no inline script and no other inline style.</summary>
internal static class ReportStylesheet
{
    public const string Css = """

        :root { --ink: #1b1b1b; --muted: #595959; --accent: #1f3864; --rule: #a6a6a6; --head: #d9e2f3; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 10.5pt/1.45 Calibri, "Segoe UI", "Liberation Sans", Arial, sans-serif; color: var(--ink); background: #fff; }
        main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
        h1 { font-size: 20pt; color: var(--accent); margin: 0 0 .2rem; }
        .subtitle { font-size: 12pt; color: var(--muted); margin: 0 0 1.5rem; }
        h2 { font-size: 15pt; color: var(--accent); margin: 2rem 0 .6rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
        nav.contents h2 { margin-top: 0; }
        nav.contents ol { margin: 0 0 1.5rem; padding-left: 1.4rem; }
        nav.contents a { color: var(--accent); }
        h3 { font-size: 12pt; color: var(--accent); margin: 1.4rem 0 .4rem; }
        p.note { font-size: 9pt; font-style: italic; color: var(--muted); }
        table { width: 100%; border-collapse: collapse; margin: .2rem 0 1.2rem; font-size: 9.5pt; }
        caption { caption-side: top; text-align: left; font-weight: bold; color: var(--accent); padding: .2rem 0; }
        figure.chart { margin: .2rem 0 1.2rem; break-inside: avoid; page-break-inside: avoid; }
        figure.chart figcaption { font-weight: bold; color: var(--accent); padding: .2rem 0; }
        figure.chart img { display: block; width: 100%; max-width: 900px; height: auto; }
        th, td { border: 1px solid var(--rule); padding: .25rem .4rem; vertical-align: top; text-align: left; }
        thead th { background: var(--head); }
        td.figure, th.figure { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.suppressed { text-align: right; font-style: italic; color: var(--muted); white-space: nowrap; }
        td .detail { display: block; font-size: 8pt; font-style: italic; color: var(--muted); }
        td.strong, tr.strong td { font-weight: bold; }
        blockquote { margin: .4rem 0 .8rem 1.2rem; font-style: italic; }
        blockquote footer { font-style: normal; font-size: 8.5pt; color: var(--muted); }
        @page { size: A4; margin: 18mm 16mm 20mm; }
        @media print {
          body { font-size: 10pt; }
          main { max-width: none; padding: 0; }
          h2, h3, caption { break-after: avoid; page-break-after: avoid; }
          table { page-break-inside: auto; }
          tr, blockquote { break-inside: avoid; page-break-inside: avoid; }
          thead { display: table-header-group; }
          thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """;

    /// <summary>The CSP source that allows this stylesheet and nothing else inline.</summary>
    public static string CspSource => "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css))) + "'";
}
