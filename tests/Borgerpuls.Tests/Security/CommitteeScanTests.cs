using System.Collections;
using System.Net;
using System.Text.Json;
using Borgerpuls.Domain;
using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using static Borgerpuls.Tests.Infrastructure.Responses;

namespace Borgerpuls.Tests.Security;

/// <summary>The review's attack, automated: a committee member fetches many breakdowns × filters × periods of a municipality
/// with many small groups, in random order, and keeps everything that was answered. Every shown figure is traced back to the
/// respondents behind it from the raw answers written by the test (not from the product's aggregates); then no shown group
/// may hold fewer than k, no two shown groups may differ by between 1 and k − 1 respondents (so no subtraction of one
/// output from another pins anyone), and in every breakdown the selection minus its shown groups is empty or at least k.</summary>
public sealed class CommitteeScanTests
{
    private const int K = 5;

    private sealed record Citizen(int Id, string Centre, string Site, string? Unit, string? Group, Channel Channel, string Language, string? Meeting, int Month);

    private static readonly (string Centre, string Site, string[] Units)[] Places =
    [
        ("jc-centrum", "sjaellandsgade", ["jobparat-team", "ung-team"]), ("jc-centrum", "torvet", ["sygedagpenge-team"]),
        ("jc-nord", "nordvej", ["aktivitetsparat-team", "jobafklaring-team"]),
        ("jc-syd", "havnegade", ["fleksjob-team", "ressource-team"]), ("jc-syd", "skolevej", ["dagpenge-team"]),
    ];

    private static readonly string[] JobReady = ["jobparat", "uddannelsesparat", "dagpenge"];
    private static readonly string[] Vulnerable = ["aktivitetsparat", "sygedagpenge", "jobafklaring", "ressourceforloeb", "fleksjob", "revalidering"];

    [Fact]
    public async Task No_pair_of_answered_outputs_pins_fewer_than_k_respondents()
    {
        var random = new Random(2026);
        var citizens = Enumerable.Range(0, 170).Select(i =>
        {
            var place = Places[random.Next(Places.Length)];
            string? Pick(string?[] options) => options[random.Next(options.Length)];
            return new Citizen(i, place.Centre, place.Site, random.Next(5) == 0 ? null : Pick(place.Units),
                Pick([.. JobReady, .. Vulnerable, null, "jobparat", "jobparat", "aktivitetsparat"]),
                Enum.Parse<Channel>(Pick(["Tablet", "Tablet", "Tablet", "Web", "Paper", "Link"])!),
                Pick(["da", "da", "da", "da", "da", "da", "en", "ar", "pl", "uk", "so"])!, Pick(["samtale", "samtale", "opfoelgning", "visitation", null]),
                202608 + random.Next(3));
        }).ToList();

        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        await WriteAsync(database, citizens.Select(c => new Spec("vive-7", new() { ["samtale"] = (1 + c.Id % 5).ToString() })
        {
            JobCentre = c.Centre, Site = c.Site, Unit = c.Unit, TargetGroup = c.Group, Channel = c.Channel, Language = c.Language, MeetingType = c.Meeting,
            Hour = new DateTime(c.Month / 100, c.Month % 100, 3 + c.Id % 20, 10, 0, 0, DateTimeKind.Utc),
        }));
        await using var app = new BorgerpulsApp(database);
        var committee = await app.SignedInClientAsync(Roles.Committee);

        string?[] breakdowns = [null, "jobcentre", "site", "unit", "targetGroup", "targetGroupSet", "channel", "language", "meetingType", "period"];
        string[][] filters = [[], ["jobcentre=jc-centrum"], ["jobcentre=jc-nord"], ["jobcentre=jc-syd"], ["targetGroupSet=udsatte"], ["targetGroupSet=job-og-uddannelsesparate"], ["channel=tablet"]];
        (string From, string To)[] periods = [("2026-08-01", "2026-10-31"), ("2026-09-01", "2026-10-31"), ("2026-10-01", "2026-10-31"), ("2026-08-01", "2026-08-31"), ("2026-08-01", "2026-09-30")];
        var queries = breakdowns.SelectMany(_ => filters, (breakdown, filter) => (By: breakdown, Where: filter))
            .Where(q => q.By is not ("language" or "meetingType") || q.Where.All(w => w.StartsWith("jobcentre=", StringComparison.Ordinal)))
            .SelectMany(_ => periods, (q, span) => (q.By, q.Where, Period: span)).OrderBy(_ => random.Next()).ToList();

        var shown = new List<(BitArray Set, string Source)>();
        int answered = 0, refused = 0;
        foreach (var (by, where, (first, last)) in queries)
        {
            var url = $"/api/v1/results?instrument=vive-7&from={first}&to={last}" + (by is null ? "" : $"&by={by}") + string.Concat(where.Select(w => "&where=" + w));
            var response = await committee.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.BadRequest && body.Contains("anonymitet"))
            {
                refused++;
                continue;
            }
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {body}");
            answered++;
            var months = (Month(first), Month(last));
            var selection = Select(citizens, c => InPeriod(c, months) && where.All(w => Matches(c, w)));
            var union = new BitArray(citizens.Count);
            foreach (var group in JsonDocument.Parse(body).RootElement.GetProperty("groups").EnumerateArray())
            {
                if (group.GetProperty("suppressed").GetBoolean()) continue;
                var key = group.GetProperty("key").EnumerateObject().Select(p => (p.Name, p.Value.GetString()!)).FirstOrDefault();
                var set = new BitArray(selection).And(Select(citizens, c => key.Name is null || Matches(c, $"{key.Name}={key.Item2}")));
                Assert.Equal(group.GetProperty("respondents").GetInt64(), Count(set));
                Assert.True(Count(set) >= K, $"{url}: a shown group of {Count(set)}");
                shown.Add((set, $"{url} [{key}]"));
                union.Or(set);
            }
            var rest = Count(new BitArray(selection).And(new BitArray(union).Not()));
            Assert.False(rest is > 0 and < K && by is not null && Count(union) > 0, $"{url}: the selection minus its shown groups leaves {rest}");
            if (by is not null && Count(union) > 0) shown.Add((union, $"{url} [shown groups together]"));
        }

        Assert.True(answered >= queries.Count / 3, $"only {answered} of {queries.Count} answered");
        for (var i = 0; i < shown.Count; i++)
        {
            for (var j = i + 1; j < shown.Count; j++)
            {
                var difference = Count(new BitArray(shown[i].Set).Xor(shown[j].Set));
                Assert.False(difference is > 0 and < K, $"{shown[i].Source} and {shown[j].Source} differ by {difference}");
            }
        }
        Assert.True(refused > 0, "the scan never met the guard: the data is too coarse to test it");
    }

    private static int Month(string date) => int.Parse(date[..4]) * 100 + int.Parse(date[5..7]);

    private static bool InPeriod(Citizen c, (int From, int To) months) => c.Month >= months.From && c.Month <= months.To;

    private static bool Matches(Citizen c, string filter)
    {
        var (name, value) = (filter[..filter.IndexOf('=')], filter[(filter.IndexOf('=') + 1)..]);
        return name switch
        {
            "jobcentre" => c.Centre == value,
            "site" => c.Site == value,
            "unit" => (c.Unit ?? "") == value,
            "targetGroup" => (c.Group ?? "") == value,
            "targetGroupSet" => value switch { "udsatte" => Vulnerable.Contains(c.Group), _ => JobReady.Contains(c.Group) },
            "channel" => c.Channel.ToString().Equals(value, StringComparison.OrdinalIgnoreCase),
            "language" => c.Language == value,
            "meetingType" => (c.Meeting ?? "") == value,
            "period" => $"{c.Month / 100}-{c.Month % 100:00}" == value,
            _ => throw new InvalidOperationException(name),
        };
    }

    private static BitArray Select(List<Citizen> citizens, Func<Citizen, bool> predicate) => new(citizens.Select(predicate).ToArray());

    private static int Count(BitArray set)
    {
        var n = 0;
        foreach (bool bit in set) n += bit ? 1 : 0;
        return n;
    }
}
