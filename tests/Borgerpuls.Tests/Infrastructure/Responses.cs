using Borgerpuls.Data;
using Borgerpuls.Data.Bulk;
using Borgerpuls.Domain;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Infrastructure;

/// <summary>Writes hand-made responses through the real bulk writer (which maintains the aggregates), for tests that need
/// exact, known answers.</summary>
public static class Responses
{
    public sealed record Spec(string Instrument, Dictionary<string, string> Answers)
    {
        public string JobCentre { get; init; } = "jc-centrum";
        public string? Site { get; init; } = "sjaellandsgade";
        public string? TargetGroup { get; init; }
        public Channel Channel { get; init; } = Channel.Tablet;
        public DateTime Hour { get; init; } = new(2025, 3, 10, 10, 0, 0, DateTimeKind.Utc);
        public bool Repeat { get; init; }
        public string? Comment { get; init; }
        public string? Unit { get; init; }
        public string Language { get; init; } = "da";
        public string? MeetingType { get; init; }
        public Dictionary<string, string> Background { get; init; } = [];
    }

    public static async Task WriteAsync(TestDatabase database, IEnumerable<Spec> specs)
    {
        var rows = new List<ResponseRow>();
        await using (var db = database.Open())
        {
            foreach (var s in specs)
            {
                var version = await db.InstrumentVersions.Where(v => v.Instrument!.Key == s.Instrument).OrderByDescending(v => v.Number).FirstAsync();
                var response = new Response
                {
                    Id = Guid.NewGuid(), InstrumentId = version.InstrumentId, InstrumentVersionId = version.Id, Channel = s.Channel, SubmittedHour = s.Hour,
                    JobCentreId = await db.JobCentres.Where(j => j.Key == s.JobCentre).Select(j => j.Id).SingleAsync(),
                    SiteId = s.Site is null ? null : await db.Sites.Where(x => x.Key == s.Site).Select(x => (int?)x.Id).SingleAsync(),
                    TargetGroupId = s.TargetGroup is null ? null : await db.TargetGroups.Where(t => t.Key == s.TargetGroup).Select(t => (int?)t.Id).SingleAsync(),
                    UnitId = s.Unit is null ? null : await db.Units.Where(u => u.Key == s.Unit).Select(u => (int?)u.Id).SingleAsync(),
                    Language = s.Language, MeetingType = s.MeetingType, Background = s.Background,
                    Answers = s.Answers.ToDictionary(a => a.Key, a => new[] { a.Value }),
                    QualityFlags = s.Repeat ? ResponseQuality.KioskRepeat : ResponseQuality.None,
                    ContentHash = "test",
                };
                Comment[] comments = s.Comment is null ? [] :
                [
                    new Comment
                    {
                        QuestionKey = "kommentar", Text = s.Comment, InstrumentId = response.InstrumentId, SubmittedHour = s.Hour, Channel = s.Channel,
                        JobCentreId = response.JobCentreId, SiteId = response.SiteId, TargetGroupId = response.TargetGroupId,
                    },
                ];
                rows.Add(new ResponseRow(response, comments));
            }
        }
        await using var writer = await ResponseBulkWriter.OpenAsync(database.Target, CancellationToken.None);
        await writer.WriteAsync(rows, CancellationToken.None);
    }

    public static IEnumerable<Spec> Repeat(int count, Spec spec) => Enumerable.Repeat(spec, count);
}
