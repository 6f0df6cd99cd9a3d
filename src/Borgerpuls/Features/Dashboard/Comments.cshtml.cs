using Borgerpuls.Analysis.Themes;
using Borgerpuls.Data;
using Borgerpuls.Features.Comments;
using Borgerpuls.Security.Anonymity;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Borgerpuls.Features.Dashboard;

/// <summary>Comment themes for the dashboard's selection, with counts and the quotes behind them — quotes only where the role
/// and the segment size allow (the comment-theme query decides), and every showing of quotes audited.</summary>
[Authorize(Policy = Policies.Aggregates), Security.Anonymity.DisclosureGuarded]
public sealed class CommentsModel(BorgerpulsDb db, BorgerpulsDbFactory databases, AnonymityOptions anonymity, TimeProvider clock, ThemeLexicon lexicon, AuditLog audit) : PageModel
{
    public DashboardLoad Load { get; private set; } = null!;
    public CommentThemesReport? Themes { get; private set; }
    public string? Theme { get; private set; }

    public async Task OnGetAsync(string? theme, CancellationToken ct)
    {
        Theme = theme;
        Load = await DashboardLoader.LoadAsync(HttpContext, db, databases, anonymity, clock, ct);
        if (Load.Figures is { } figures)
        {
            Themes = await DashboardThemes.ThemesAsync(db, databases, figures, Viewer.From(User), lexicon, anonymity, ct);
            if (Themes.QuotesShown)
            {
                await audit.WriteAsync(AuditActions.CommentsView, $"dashboard {figures.Instrument.Key} {Load.Filter.Query()}", ct: ct);
            }
        }
        else if (Load.Error is not null || Load.Refused is not null)
        {
            Response.StatusCode = Load.Refused is null ? StatusCodes.Status400BadRequest : StatusCodes.Status403Forbidden;
        }
    }
}
