namespace Borgerpuls.Features.Reports;

/// <summary>Comment themes with counts and shares and a few quotes each, so that the committee can check a statement against
/// the broader picture (seed 001). Quotes follow the comment threshold and are never shown to committee members.</summary>
internal static class CommentSection
{
    public const int QuotesPerTheme = 2;

    public static IEnumerable<ReportBlock> Blocks(ReportData data, ReportText text)
    {
        yield return new ReportHeading(text["ThemesHeading"]);
        if (data.ThemesUnavailable is { } why)
        {
            yield return new ReportParagraph(text.Format("ThemesUnavailable", why));
            yield break;
        }
        var themes = data.Themes!;
        if (themes.Respondents is null)
        {
            yield return new ReportParagraph(text.Format("ThemesSuppressed", data.Request.K));
            yield break;
        }
        if (themes.Comments == 0)
        {
            yield return new ReportParagraph(text["ThemesNone"]);
            yield break;
        }
        var shown = themes.Themes.Where(t => t.Count > 0).OrderByDescending(t => t.Count).ToList();
        yield return new ReportParagraph(text.Format("ThemesIntro", text.Count(themes.Comments)));
        yield return new ReportTable(text["SheetThemes"], text["ThemesCaption"], [text["Theme"], text["Count"], text["Share"]],
            shown.Select(t => (IReadOnlyList<ReportCell>)[t.Name, text.CountCell(t.Count, false, data.Request.K), text.ShareCell(t.Share, false, data.Request.K)]).ToList());

        yield return new ReportHeading(text["Quotes"], 2);
        if (!themes.QuotesShown)
        {
            yield return new ReportParagraph(text.Format("QuotesHidden", themes.QuotesHiddenReason ?? ""), Note: true);
            yield break;
        }
        // A comment often carries several themes and short comments repeat word for word: each text is quoted once.
        var quoted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var quotes = shown.SelectMany(t => t.Quotes.Where(q => quoted.Add(q.Text.Trim())).Take(QuotesPerTheme).ToList().Select(q => (Theme: t.Name, Quote: q))).ToList();
        foreach (var (theme, quote) in quotes)
        {
            yield return new ReportQuote(quote.Text, $"{theme}, {quote.Month}");
        }
        // The workbook gets the quotes as a table too; its cells are formula-neutralised like every exported text.
        yield return new ReportTable(text["SheetQuotes"], text["Quotes"], [text["Theme"], text["Month"], text["Quote"]],
            quotes.Select(q => (IReadOnlyList<ReportCell>)[q.Theme, q.Quote.Month, q.Quote.Text]).ToList()) { WorkbookOnly = true };
    }
}
