using Microsoft.AspNetCore.Authorization;
using System.Globalization;
using Borgerpuls.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Home;

[AllowAnonymous]
public sealed class IndexModel(BorgerpulsDb db) : PageModel
{
    public sealed record SiteRow(string Name, List<string> Units);
    public sealed record JobCentreRow(string Name, List<SiteRow> Sites);
    public sealed record MunicipalityRow(string Name, List<JobCentreRow> JobCentres);
    // The names of the shipped questionnaires say how many questions they have; a count beside them doubled it.
    public sealed record InstrumentRow(string Key, string Name);

    public long ResponseCount { get; private set; }
    public List<MunicipalityRow> Municipalities { get; private set; } = [];
    public List<InstrumentRow> Instruments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        // From the aggregates (one row per cell), not by counting millions of responses.
        ResponseCount = await db.AggregateCells.Where(c => c.Cube == Data.Aggregates.Cube.Main).SumAsync(c => c.Respondents, ct);
        Municipalities = await db.Municipalities.AsNoTracking().OrderBy(m => m.Name)
            .Select(m => new MunicipalityRow(m.Name, m.JobCentres.OrderBy(j => j.Name)
                .Select(j => new JobCentreRow(j.Name, j.Sites.OrderBy(s => s.Name)
                    .Select(s => new SiteRow(s.Name, s.Units.OrderBy(u => u.Name).Select(u => u.Name).ToList())).ToList())).ToList()))
            .ToListAsync(ct);
        var instruments = await db.Instruments.AsNoTracking().OrderBy(i => i.Key)
            .Select(i => new { i.Key, i.Names })
            .ToListAsync(ct);
        Instruments = instruments.Select(i => new InstrumentRow(i.Key, i.Names.In(language).Text)).ToList();
    }
}
