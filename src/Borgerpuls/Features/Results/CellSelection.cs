using Borgerpuls.Data.Aggregates;
using Borgerpuls.Domain;
using Borgerpuls.Security;

namespace Borgerpuls.Features.Results;

/// <summary>Picks the cube and the cells a request covers, within what the viewer may see, and says which group(s) each
/// cell belongs to. Shared by results, priority map, reports and the dashboard.</summary>
internal sealed class CellSelection
{
    private static readonly Dimension[] MainDimensions = [Dimension.JobCentre, Dimension.Site, Dimension.Unit, Dimension.TargetGroup, Dimension.TargetGroupSet, Dimension.Channel, Dimension.Period];

    public required Cube Cube { get; init; }
    public required List<CompactCell> Cells { get; init; }
    public required SlotLayout Layout { get; init; }
    public required long LeftOutRepeats { get; init; }
    public required OrganisationIndex Index { get; init; }
    public required ResultsRequest Request { get; init; }

    /// <summary>Whether a cell with this key is in the selection (cube, period, filters, the viewer's centres) — also for
    /// keys that are not aggregate cells, such as the context of invitations and declined hand-overs.</summary>
    public required Func<CellKey, bool> Covers { get; init; }

    /// <summary>Called under the store's read lock: the returned cells must be summed before the lock is released.</summary>
    /// <param name="kioskClock">Read the kiosk cube (organisation and period filters only) instead of the cube the request implies.</param>
    public static CellSelection Select(ResultsRequest request, InstrumentCells all, OrganisationIndex index, Viewer viewer, bool kioskClock = false)
    {
        var used = request.Where.Keys.Append(request.By ?? Dimension.Period).Concat(request.By2 is { } second ? [second] : []).Distinct().ToList();
        var extra = used.Where(d => !MainDimensions.Contains(d)).ToList();
        if (extra.Count > 1 || (extra.Count == 1 && used.Any(d => d is not (Dimension.JobCentre or Dimension.Period) && d != extra[0])))
        {
            throw request.By2 is { } by2
                ? new ResultsException("Results.Error.TableOnlyWithCentreAndPeriod", request.NameOf(extra[0]), request.NameOf(request.By!.Value), request.NameOf(by2))
                : new ResultsException("Results.Error.OnlyWithCentreAndPeriod", request.NameOf(extra[0]));
        }
        if (kioskClock && used.Any(d => d is not (Dimension.JobCentre or Dimension.Site or Dimension.Unit or Dimension.Period)))
        {
            throw new ResultsException("Results.Error.KioskHeatMapFilters");
        }
        var cube = kioskClock ? Cube.KioskClock : extra.Count == 0 ? Cube.Main : extra[0] switch
        {
            Dimension.MeetingType => Cube.MeetingType,
            Dimension.Language => Cube.Language,
            Dimension.Background => Cube.Background,
            _ => Cube.Offer,
        };

        var filters = new List<Func<CellKey, bool>>();
        foreach (var (dimension, value) in request.Where.Where(w => w.Key != Dimension.Background))
        {
            filters.Add(dimension switch
            {
                Dimension.JobCentre => Equal(index.IdOf(index.JobCentres, value, "Results.Error.UnknownJobCentre"), k => k.JobCentreId),
                Dimension.Site => Equal(index.IdOf(index.Sites, value, "Results.Error.UnknownSite"), k => k.SiteId),
                Dimension.Unit => Equal(index.IdOf(index.Units, value, "Results.Error.UnknownUnit"), k => k.UnitId),
                Dimension.Offer => Equal(index.IdOf(index.Offers, value, "Results.Error.UnknownOffer"), k => k.OfferId),
                Dimension.TargetGroup => Equal(index.TargetGroupId(value), k => k.TargetGroupId),
                Dimension.TargetGroupSet => index.Sets.TryGetValue(value, out var set) ? k => set.Members.Contains(k.TargetGroupId) : throw new ResultsException("Results.Error.UnknownTargetGroupSet", value),
                Dimension.Channel => Enum.TryParse<Channel>(value, true, out var channel) ? k => k.Channel == channel.ToString() : throw new ResultsException("Results.Error.UnknownChannel", value),
                Dimension.MeetingType => k => k.MeetingType == value,
                Dimension.Language => k => k.Language == value,
                _ => throw new ResultsException("Results.Error.PeriodFilter"),
            });
        }
        if (!viewer.SeesAll)
        {
            var ids = index.JobCentres.Where(kv => viewer.SeesCentre(kv.Value.Key)).Select(kv => kv.Key).ToHashSet();
            filters.Add(k => ids.Contains(k.JobCentreId));
        }
        var scope = filters.ToList();
        if (cube == Cube.Background)
        {
            var variable = index.Background(request.Background!);
            filters.Add(k => k.BackgroundKey == variable.Key);
            if (request.Where.TryGetValue(Dimension.Background, out var code))
            {
                if (!variable.Options.Any(o => o.Code == code))
                {
                    throw new ResultsException("Results.Error.UnknownBackgroundCode", code, variable.Key, string.Join(", ", variable.Options.Select(o => o.Code)));
                }
                filters.Add(k => k.BackgroundCode == code);
            }
        }
        var from = request.From is { } f ? f.Year * 100 + f.Month : int.MinValue;
        var to = request.To is { } t ? t.Year * 100 + t.Month : int.MaxValue;
        bool InPeriod(CellKey key) => key.Month >= from && key.Month <= to;

        var cells = new List<CompactCell>();
        // Respondents who do not carry the variable are in no background cell: per month, centre and repeat flag they are the
        // main cube's respondents less the variable's, kept as cells with an empty code, which every breakdown counts as unknown.
        Dictionary<CellKey, CompactCell>? missing = cube == Cube.Background && !request.Where.ContainsKey(Dimension.Background) ? [] : null;
        CellKey Coarse(CellKey k) => new(Cube.Background, k.InstrumentId, k.Month, k.JobCentreId, 0, 0, 0, 0, "", "", "", k.Repeat, 0, request.Background!, "");
        void Count(CellKey key, CompactCell cell, long sign)
        {
            var coarse = Coarse(key);
            if (!missing!.TryGetValue(coarse, out var total)) missing[coarse] = total = new CompactCell(coarse) { Counts = new long[all.Layout.SlotCount] };
            total.Respondents += sign * cell.Respondents;
            for (var i = 0; i < cell.Counts.Length; i++) total.Counts[i] += sign * cell.Counts[i];
        }
        long repeats = 0;
        foreach (var (key, cell) in all.Cells)
        {
            if (missing is not null && key.Cube == Cube.Main && InPeriod(key) && (!key.Repeat || request.IncludeKioskRepeats) && scope.TrueForAll(f => f(key)))
            {
                Count(key, cell, 1);
            }
            if (key.Cube != cube || !InPeriod(key) || !filters.TrueForAll(f => f(key)))
            {
                continue;
            }
            if (key.Repeat && !request.IncludeKioskRepeats)
            {
                repeats += cell.Respondents;
                continue;
            }
            cells.Add(cell);
            if (missing is not null) Count(key, cell, -1);
        }
        cells.AddRange(missing?.Values.Where(c => c.Respondents > 0) ?? []);
        return new CellSelection
        {
            Cube = cube, Cells = cells, Layout = all.Layout, LeftOutRepeats = repeats, Index = index, Request = request,
            Covers = key => key.Cube == cube && InPeriod(key) && filters.TrueForAll(f => f(key)),
        };
    }

    /// <summary>The groups a cell falls in under the request's breakdown: none without one, several for overlapping sets; in a
    /// two-way table each (row, column) pair, keyed by <see cref="TableKey"/>.</summary>
    public IEnumerable<(string Key, string Label)> GroupsOf(CellKey key, string language)
    {
        if (Request.By2 is not { } second)
        {
            return GroupsOf(Request.By, key, language);
        }
        var columns = GroupsOf(second, key, language).ToList();
        return GroupsOf(Request.By, key, language).SelectMany(r => columns.Select(c => (TableKey(r.Key, c.Key), $"{r.Label} × {c.Label}")));
    }

    /// <summary>The key of a two-way table's cell; group keys never contain the separator.</summary>
    public static string TableKey(string row, string column) => row + TableSeparator + column;

    public const char TableSeparator = '\u001f';

    /// <summary>The groups of one dimension a cell falls in.</summary>
    public IEnumerable<(string Key, string Label)> GroupsOf(Dimension? by, CellKey key, string language)
    {
        var (total, unknown) = GroupLabels(language);
        switch (by)
        {
            case null:
                yield return ("all", total);
                break;
            case Dimension.JobCentre:
                yield return Named(Index.JobCentres, key.JobCentreId, unknown);
                break;
            case Dimension.Site:
                yield return Named(Index.Sites, key.SiteId, unknown);
                break;
            case Dimension.Unit:
                yield return Named(Index.Units, key.UnitId, unknown);
                break;
            case Dimension.Offer:
                yield return Named(Index.Offers, key.OfferId, unknown);
                break;
            case Dimension.TargetGroup:
                yield return Index.TargetGroups.TryGetValue(key.TargetGroupId, out var tg) ? (tg.Key, tg.Names.In(language).Text) : ("", unknown);
                break;
            case Dimension.TargetGroupSet:
                foreach (var (setKey, set) in Index.Sets.Where(s => s.Value.Members.Contains(key.TargetGroupId)))
                {
                    yield return (setKey, set.Names.In(language).Text);
                }
                break;
            case Dimension.Channel:
                yield return (key.Channel.ToLowerInvariant(), key.Channel);
                break;
            // Only configured keys ever become a group: text stored before meeting types were a fixed list (or a language
            // code no citizen page offers) is counted as unknown and never shown as a label.
            case Dimension.MeetingType:
                yield return MeetingType.IsKnown(key.MeetingType) ? (key.MeetingType, key.MeetingType) : ("", unknown);
                break;
            case Dimension.Language:
                yield return Localization.LocalizationSetup.CitizenCultures.Contains(key.Language) ? (key.Language, key.Language) : ("", unknown);
                break;
            case Dimension.Period:
                yield return (PeriodKey(key.Month, Request.Period), PeriodKey(key.Month, Request.Period));
                break;
            // Responses without the variable are in no background cell: they are counted from ScopeCells, as unknown.
            case Dimension.Background:
                yield return Index.BackgroundVariables.GetValueOrDefault(key.BackgroundKey)?.Options.FirstOrDefault(o => o.Code == key.BackgroundCode) is { } option
                    ? (option.Code, option.Labels.In(language).Text) : ("", unknown);
                break;
        }
    }

    public static string PeriodKey(int month, PeriodGranularity granularity)
    {
        var (year, m) = (month / 100, month % 100);
        return granularity switch
        {
            PeriodGranularity.Year => $"{year}",
            PeriodGranularity.Quarter => $"{year}-Q{(m - 1) / 3 + 1}",
            _ => $"{year}-{m:00}",
        };
    }

    private static (string, string) Named(IReadOnlyDictionary<int, (string Key, string Name)> map, int id, string unknown) =>
        map.TryGetValue(id, out var hit) ? hit : ("", unknown);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Total, string Unknown)> Labels = new(StringComparer.Ordinal);

    /// <summary>"I alt" and "Ukendt" in the reader's language, looked up once per language (this runs once per cell).</summary>
    public static (string Total, string Unknown) GroupLabels(string language) => Labels.GetOrAdd(language, l =>
    {
        // The invariant culture's "iv" (a process without a culture) reads the neutral, Danish texts.
        var culture = l == "iv" ? System.Globalization.CultureInfo.InvariantCulture : System.Globalization.CultureInfo.GetCultureInfo(l);
        return (Localization.SharedTexts.Get("Results.Group.Total", culture), Localization.SharedTexts.Get("Results.Group.Unknown", culture));
    });

    private static Func<CellKey, bool> Equal(int id, Func<CellKey, int> pick) => k => pick(k) == id;

}
