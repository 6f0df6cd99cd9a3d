using Borgerpuls.Features.Charts;

namespace Borgerpuls.Features.Dashboard;

/// <summary>One chart on a page: the image (SVG from the download endpoint), its downloads and its table.</summary>
public sealed record ChartView(string Name, Chart Chart, string Query)
{
    public string Url(string format) => $"/dashboard/charts/{Name}.{format}{Query}";
}
