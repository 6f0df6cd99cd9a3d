using System.CommandLine;
using System.Globalization;
using Borgerpuls.Analysis;
using Borgerpuls.Analysis.Themes;
using Borgerpuls.Data;
using Borgerpuls.Data.Aggregates;
using Borgerpuls.Features.Reports;
using Borgerpuls.Features.Results;
using Borgerpuls.Security;

namespace Borgerpuls.Cli;

/// <summary><c>report --instrument KEY [filters] --out FILE.docx|.xlsx|.html</c>: the committee report in one command.
/// The format follows the extension; any error is reported before a file is written, so a failed run leaves nothing behind.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var instrument = new Option<string>("--instrument") { Description = CliText.Get("Cli.Help.Instrument"), Required = true };
        var output = new Option<string>("--out") { Description = CliText.Get("Cli.Help.ReportOut"), Required = true };
        var by = new Option<string?>("--by") { Description = CliText.Get("Cli.Help.ReportBy") };
        var period = new Option<string?>("--period") { Description = CliText.Get("Cli.Help.ReportPeriod") };
        var from = DateOption.Create("--from", CliText.Get("Cli.Help.ReportFrom"));
        var to = DateOption.Create("--to", CliText.Get("Cli.Help.ReportTo"));
        var where = new Option<string[]>("--where") { Description = CliText.Get("Cli.Help.ReportWhere"), AllowMultipleArgumentsPerToken = true };
        var k = NumberOption.Int("--k", CliText.Get("Cli.Help.K"), Suppression.DefaultK);
        var kComments = NumberOption.Int("--k-comments", CliText.Get("Cli.Help.KComments"), Suppression.DefaultCommentK);
        var command = new Command("report", CliText.Get("Cli.Help.Report"))
        {
            instrument, by, period, from, to, where, k, kComments, output,
        };
        command.SetAction((result, ct) => CommandLine.Guard(async () =>
        {
            var path = result.GetValue(output)!;
            var format = ReportFormats.FromPath(path) ?? throw new CliException(CliText.Get("Cli.Report.UnknownFormat", Path.GetExtension(path)));
            var ui = CliText.Culture;
            CultureInfo.CurrentCulture = ui;

            var databases = CommandLine.Databases(result);
            await using var db = await SchemaCheck.OpenAsync(databases, ct);
            var (first, last) = DefaultPeriod(result.GetValue(from), result.GetValue(to), TimeProvider.System);
            var request = new ReportRequest(
                ResultsApi.Parse(result.GetValue(instrument)!, result.GetValue(by) ?? "targetGroupSet", null, first, last, result.GetValue(where)),
                Suppression.CheckK(result.GetValue(k)), Math.Max(result.GetValue(k), result.GetValue(kComments)))
            {
                TrendPeriod = ReportRequest.ParsePeriod(result.GetValue(period)),
            };
            var data = await ReportBuilder.BuildAsync(db, databases, request, Viewer.CommandLine, await Data.Aggregates.StoredThemeLexicon.LoadAsync(db, ct), TimeProvider.System, ct);
            var bytes = ReportFormats.Write(data, format, new ReportText(ui));
            var full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllBytesAsync(full, bytes, ct);
            await Console.Out.WriteLineAsync(CliText.Get("Cli.Report.Written", full, bytes.Length));
            return 0;
        }));
        return command;
    }

    /// <summary>A committee reads the year behind it, not every answer ever given: without dates the report covers the twelve
    /// months the dashboard shows by default (this month and the eleven before it, Danish time), and a last date alone ends
    /// such a year. A first date alone runs to the newest answer.</summary>
    internal static (DateOnly? From, DateOnly? To) DefaultPeriod(DateOnly? from, DateOnly? to, TimeProvider clock)
    {
        if (from is not null) return (from, to);
        var end = to ?? Localization.DanishTime.Today(clock);
        var lastMonth = new DateOnly(end.Year, end.Month, 1);
        return (lastMonth.AddMonths(-11), to ?? lastMonth.AddMonths(1).AddDays(-1));
    }
}
