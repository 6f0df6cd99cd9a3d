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
            // Looked up once per key: tests write thousands of rows with a handful of distinct places.
            var versions = await db.InstrumentVersions.Include(v => v.Instrument).ToListAsync();
            var centres = await db.JobCentres.ToDictionaryAsync(j => j.Key, j => j.Id);
            var sites = await db.Sites.ToDictionaryAsync(x => x.Key, x => x.Id);
            var groups = await db.TargetGroups.ToDictionaryAsync(t => t.Key, t => t.Id);
            var units = await db.Units.ToDictionaryAsync(u => u.Key, u => u.Id);
            foreach (var s in specs)
            {
                var version = versions.Where(v => v.Instrument!.Key == s.Instrument).MaxBy(v => v.Number)!;
                var response = new Response
                {
                    Id = Guid.NewGuid(), InstrumentId = version.InstrumentId, InstrumentVersionId = version.Id, Channel = s.Channel, SubmittedHour = s.Hour,
                    JobCentreId = centres[s.JobCentre],
                    SiteId = s.Site is null ? null : sites[s.Site],
                    TargetGroupId = s.TargetGroup is null ? null : groups[s.TargetGroup],
                    UnitId = s.Unit is null ? null : units[s.Unit],
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
        await using var writer = await ResponseBulkWriter.OpenAsync(database.Factory, null, CancellationToken.None);
        await writer.WriteAsync(rows, CancellationToken.None);
    }

    public static IEnumerable<Spec> Repeat(int count, Spec spec) => Enumerable.Repeat(spec, count);
}
