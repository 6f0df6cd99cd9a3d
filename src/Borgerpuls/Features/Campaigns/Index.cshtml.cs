using System.Globalization;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Results;
using Borgerpuls.Features.Shared;
using Borgerpuls.Features.Web;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Campaigns;

/// <summary>The campaigns (indsamlinger) in words: which questionnaire is asked through which channel, where, when and of
/// whom, and whether it is open; an open web campaign with its citizen link. No figures, so every staff role reads it, the
/// committee too; analysts and administrators create and change campaigns from here.</summary>
[Authorize(Policy = Policies.Aggregates)]
public sealed class IndexModel(BorgerpulsDb db, IConfiguration configuration, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record Line(int Id, string Name, string Instrument, Channel Channel, string Where, string When, string TargetGroups,
        CampaignStatus Status, string? Link);

    public List<Line> Lines { get; private set; } = [];
    public List<Choice> Instruments { get; private set; } = [];
    public bool CanChange { get; private set; }

    [TempData] public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanChange = Viewer.From(User).IsAnalystOrAdmin;
        Instruments = await Choices.InstrumentsAsync(db, ct);
        var instrumentNames = Instruments.ToDictionary(i => i.Value, i => i.Label);
        var groups = (await Choices.TargetGroupNamesAsync(db, ct)).ToDictionary(c => c.Value, c => c.Label);
        var index = await OrganisationIndex.LoadAsync(db, ct);
        var campaigns = await db.Campaigns.AsNoTracking().Include(c => c.Instrument).ToListAsync(ct);
        var culture = CultureInfo.CurrentCulture;
        // The citizen page's own rule for "open" (and its day), so a link is listed exactly when it takes answers.
        var today = DanishTime.Today(clock);

        string Where(Campaign c)
        {
            var names = new[] { c.JobCentreId is { } j ? index.JobCentres[j].Name : null, c.SiteId is { } s ? index.Sites[s].Name : null, c.UnitId is { } u ? index.Units[u].Name : null }.OfType<string>().ToList();
            return names.Count == 0 ? t["Campaigns.Everywhere"] : string.Join(", ", names);
        }
        string When(Campaign c) => c.EndsOn is { } end
            ? t["Campaigns.FromTo", c.StartsOn.ToString("d", culture), end.ToString("d", culture)]
            : t["Campaigns.From", c.StartsOn.ToString("d", culture)];
        string Groups(Campaign c) => c.TargetGroupKeys.Count == 0 ? t["Campaigns.AllTargetGroups"]
            : string.Join(", ", c.TargetGroupKeys.Select(k => groups.GetValueOrDefault(k, k)));
        Lines = campaigns
            .Select(c => new Line(c.Id, c.Name, instrumentNames.GetValueOrDefault(c.Instrument!.Key, c.Instrument.Key), c.Channel, Where(c), When(c), Groups(c),
                c.Status, c.Channel == Channel.Web && WebCampaign.StateOf(c, today) == WebCampaignState.Open ? CampaignLink.Url(configuration, c.Key) : null))
            .OrderBy(l => l.Name, StringComparer.CurrentCulture).ThenBy(l => l.Instrument, StringComparer.CurrentCulture).ToList();
    }
}
