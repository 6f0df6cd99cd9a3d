using Borgerpuls.Data;
using Borgerpuls.Data.Bulk;
using Borgerpuls.Domain;
using Borgerpuls.Features.Ingest;
using Microsoft.EntityFrameworkCore;
using Borgerpuls.Features.Questionnaire;

namespace Borgerpuls.Features.DemoData;

/// <summary>The generative model behind the demo responses: a latent satisfaction per citizen that depends on target group
/// (job-ready above vulnerable, jobafklaring lowest as in seed 002), site, and a slow improvement over time; each question
/// reads it with its own offset and noise, so questions correlate and the priority map has structure.</summary>
internal sealed class DemoModel
{
    private sealed record Place(int CentreId, int SiteId, int? UnitId, double Effect);
    private sealed record QuestionModel(string Key, QuestionType Type, double[] Values, string[] Codes, string? ExcludedCode, double Offset, double Loading);
    private sealed record InstrumentModel(int Id, int VersionId, Channel[] Channels, double Weight, QuestionModel[] Questions, int? CampaignId);

    private static readonly Dictionary<string, double> GroupEffect = new()
    {
        ["jobparat"] = 0.55, ["uddannelsesparat"] = 0.45, ["dagpenge"] = 0.6, ["aktivitetsparat"] = -0.05, ["sygedagpenge"] = 0.0,
        ["jobafklaring"] = -0.55, ["ressourceforloeb"] = -0.1, ["fleksjob"] = 0.15, ["revalidering"] = 0.05,
    };
    private static readonly string[] Languages = ["da", "da", "da", "da", "da", "da", "da", "da", "da", "da", "da", "da", "en", "ar", "uk", "so", "tr", "pl"];
    private static readonly string[] MeetingTypes = ["samtale", "samtale", "samtale", "opfoelgning", "visitation", "rundbordssamtale"];

    private readonly Place[] _places;
    private readonly (int Id, double Effect)[] _groups;
    private readonly InstrumentModel[] _instruments;
    private readonly double _totalWeight;

    /// <summary>The VIVE survey's mirror that staff answer, with each job centre's own campaign; null without it.</summary>
    private InstrumentModel? _mirror;
    private Dictionary<int, int> _mirrorCampaigns = [];

    private DemoModel(Place[] places, (int, double)[] groups, InstrumentModel[] instruments)
    {
        _places = places;
        _groups = groups;
        _instruments = instruments;
        _totalWeight = instruments.Sum(i => i.Weight);
    }

    /// <summary>How many of the demo's responses are staff's mirror answers: one in twenty, at most a thousand, and none in the
    /// small sets that tests ask for, so that a demo dashboard shows the comparison and a large benchmark set stays citizens'.</summary>
    public static long StaffAnswers(long responses) => responses < 1000 ? 0 : Math.Min(1000, responses / 20);

    public static async Task<DemoModel> LoadAsync(BorgerpulsDb db, CancellationToken ct)
    {
        var sites = await db.Sites.AsNoTracking().Include(s => s.Units).Where(s => s.JobCentre!.Municipality!.Key == DemoOrganisation.MunicipalityKey).OrderBy(s => s.Key).ToListAsync(ct);
        var places = sites.SelectMany((s, i) => s.Units.Count == 0
            ? [new Place(s.JobCentreId, s.Id, null, 0.25 * Math.Sin(i * 1.7))]
            : s.Units.OrderBy(u => u.Key).Select((u, j) => new Place(s.JobCentreId, s.Id, u.Id, 0.25 * Math.Sin(i * 1.7) + 0.1 * Math.Cos(j * 2.3)))).ToArray();
        var groups = (await db.TargetGroups.AsNoTracking().OrderBy(t => t.Position).ToListAsync(ct))
            .Select(t => (t.Id, GroupEffect.GetValueOrDefault(t.Key))).ToArray();
        var campaigns = await db.Campaigns.AsNoTracking().ToListAsync(ct);

        var weights = new Dictionary<string, (double Weight, Channel[] Channels)>
        {
            ["smiley"] = (0.5, [Channel.Kiosk]),
            ["borgeroplevelse-5"] = (0.25, [Channel.Tablet, Channel.Tablet, Channel.Link]),
            ["vive-7"] = (0.15, [Channel.Import, Channel.Link, Channel.Web]),
            ["brugerundersoegelse-15"] = (0.1, [Channel.Web, Channel.Paper, Channel.Import]),
        };
        var instruments = new List<InstrumentModel>();
        foreach (var (key, (weight, channels)) in weights)
        {
            instruments.Add(await InstrumentAsync(db, key, weight, channels, campaigns, ct));
        }
        var model = new DemoModel(places, groups, [.. instruments]);
        if (await db.Instruments.AnyAsync(i => i.Key == MirrorKey, ct))
        {
            model._mirror = await InstrumentAsync(db, MirrorKey, 0, [Channel.Web], campaigns, ct);
            model._mirrorCampaigns = campaigns.Where(c => c.InstrumentId == model._mirror.Id && c.JobCentreId is not null).GroupBy(c => c.JobCentreId!.Value).ToDictionary(g => g.Key, g => g.First().Id);
        }
        return model;
    }

    private const string MirrorKey = "vive-7-spejl";

    private static async Task<InstrumentModel> InstrumentAsync(BorgerpulsDb db, string key, double weight, Channel[] channels, List<Campaign> campaigns, CancellationToken ct)
    {
        var instrument = await db.Instruments.AsNoTracking().SingleAsync(i => i.Key == key, ct);
        var version = await db.InstrumentVersions.AsNoTracking().LatestPublished(instrument.Id).Include(v => v.Questions).ThenInclude(q => q.Scale!).ThenInclude(s => s.Options).FirstAsync(ct);
        var questions = version.Questions.OrderBy(q => q.Position).Select((q, i) =>
        {
            var options = q.Scale?.Options.OrderBy(o => o.Position).ToList() ?? [];
            var rated = options.Where(o => o.Value is not null && o.Polarity != Polarity.Excluded).OrderBy(o => o.Value).ToList();
            return new QuestionModel(q.Key, q.Type,
                q.Type == QuestionType.Scale ? rated.Select(o => o.Value!.Value).ToArray() : [],
                q.Type == QuestionType.Scale ? rated.Select(o => o.Code).ToArray() : options.Select(o => o.Code).ToArray(),
                options.FirstOrDefault(o => o.Polarity == Polarity.Excluded)?.Code,
                // Progress-type questions run lower, as in seed 004 (fremdrift 44 %).
                Offset: q.Key.Contains("fremdrift", StringComparison.Ordinal) ? -0.9 : 0.35 * Math.Cos(i * 2.1),
                Loading: q.IsOverall ? 1.0 : 0.55 + 0.4 * Math.Abs(Math.Sin(i * 1.3)));
        }).ToArray();
        var campaign = campaigns.FirstOrDefault(c => c.InstrumentId == instrument.Id)?.Id;
        return new InstrumentModel(instrument.Id, version.Id, channels, weight, questions, campaign);
    }

    /// <summary>A staff member's expectation on the mirror, through their job centre's web campaign, about one target group.
    /// Staff expect less than citizens report, most of all for the job-ready (seed 001: more citizens wanted work than staff
    /// assumed), so the demo shows gaps of both sizes.</summary>
    public ResponseRow? NextStaff(Random random, DateOnly startsOn, int days)
    {
        if (_mirror is null) return null;
        var place = _places[random.Next(_places.Length)];
        var group = _groups[random.Next(_groups.Length)];
        var day = random.Next(days);
        var date = startsOn.AddDays(day);
        var trend = 0.35 * day / Math.Max(1, days);
        var latent = 0.6 + 0.4 * group.Effect - 0.35 + trend + Normal(random) * 0.7;
        var context = new ResponseContext(place.CentreId) { TargetGroupId = group.Id, Language = "da" };
        var hour = new DateTime(date.Year, date.Month, date.Day, 12, 0, 0, DateTimeKind.Utc);
        var response = ResponseBuilder.NewResponse(Guid.NewGuid(), _mirror.Id, _mirror.VersionId, Channel.Web, hour,
            _mirrorCampaigns.TryGetValue(place.CentreId, out var campaign) ? campaign : _mirror.CampaignId, context, []);
        Answer(random, _mirror, response, latent, []);
        response.ContentHash = ResponseHash.Of(response, Array.Empty<Comment>());
        return new ResponseRow(response, []);
    }

    public ResponseRow Next(Random random, DateOnly startsOn, int days)
    {
        var instrument = PickInstrument(random);
        var place = _places[random.Next(_places.Length)];
        var group = _groups[random.Next(_groups.Length)];
        var day = random.Next(days);
        var date = startsOn.AddDays(day);
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            date = date.AddDays(date.DayOfWeek == DayOfWeek.Saturday ? 2 : 1);
        }
        var hour = 8 + (int)Math.Min(7, Math.Abs(Normal(random) * 2.5));
        var trend = 0.35 * day / Math.Max(1, days);
        var latent = 0.6 + group.Effect + place.Effect + trend + Normal(random) * 0.9;
        var channel = instrument.Channels[random.Next(instrument.Channels.Length)];

        var context = new ResponseContext(place.CentreId)
        {
            SiteId = place.SiteId,
            UnitId = channel == Channel.Kiosk ? null : place.UnitId,
            TargetGroupId = channel == Channel.Kiosk ? null : group.Id,
            MeetingType = channel is Channel.Kiosk or Channel.Import ? null : MeetingTypes[random.Next(MeetingTypes.Length)],
            Language = Languages[random.Next(Languages.Length)],
        };
        var hourOfDay = new DateTime(date.Year, date.Month, date.Day, hour, 0, 0, DateTimeKind.Utc);
        var response = ResponseBuilder.NewResponse(Guid.NewGuid(), instrument.Id, instrument.VersionId, channel, hourOfDay, instrument.CampaignId, context, []);
        response.QualityFlags = channel == Channel.Kiosk && random.NextDouble() < 0.03 ? ResponseQuality.KioskRepeat : ResponseQuality.None;
        var comments = new List<Comment>();
        Answer(random, instrument, response, latent, comments);
        response.ContentHash = ResponseHash.Of(response, comments);
        return new ResponseRow(response, comments);
    }

    private static void Answer(Random random, InstrumentModel instrument, Response response, double latent, List<Comment> comments)
    {
        foreach (var q in instrument.Questions)
        {
            switch (q.Type)
            {
                case QuestionType.Scale:
                    if (q.ExcludedCode is not null && random.NextDouble() < 0.03)
                    {
                        response.Answers[q.Key] = [q.ExcludedCode];
                        break;
                    }
                    var score = q.Loading * latent + q.Offset + Normal(random) * 0.7;
                    response.Answers[q.Key] = [q.Codes[ToIndex(score, q.Codes.Length)]];
                    break;
                case QuestionType.SingleChoice when random.NextDouble() < 0.6:
                    response.Answers[q.Key] = [q.Codes[random.Next(q.Codes.Length)]];
                    break;
                case QuestionType.FreeText when random.NextDouble() < 0.12:
                    var pool = latent < 0.3 ? DemoComments.Negative : DemoComments.Positive;
                    // The demo's comments are written without personal data, so they are stored as written.
                    comments.Add(ResponseBuilder.NewComment(response, q.Key, pool[random.Next(pool.Length)]));
                    break;
            }
        }
    }

    private InstrumentModel PickInstrument(Random random)
    {
        var x = random.NextDouble() * _totalWeight;
        foreach (var i in _instruments)
        {
            if ((x -= i.Weight) <= 0) return i;
        }
        return _instruments[^1];
    }

    // Latent score → option index: most answers land in the upper half, as in every Danish job-centre survey.
    private static int ToIndex(double score, int count)
    {
        var p = 1 / (1 + Math.Exp(-score));
        return Math.Clamp((int)(p * count), 0, count - 1);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
