using System.Text.Json;
using Borgerpuls.Data;
using Borgerpuls.Data.Bulk;
using Borgerpuls.Domain;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Borgerpuls.Tests.Data;

/// <summary>The bulk writers bypass EF; these tests hold their column lists to the EF model and their values to what EF reads.</summary>
public sealed class BulkColumnsTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    /// <summary>Every column of the table in the provider's model, but the comment key the database numbers.</summary>
    private static List<string> MappedColumns(DatabaseProvider provider, string table) =>
        [.. BulkModel.For(provider).GetRelationalModel().Tables.Single(t => t.Name == table).Columns
            .Select(c => c.Name).Where(c => !(table == "Comments" && c == "Id")).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_mapped_column_of_responses_and_comments_is_written_by_both_bulk_writers(DatabaseProvider provider)
    {
        Assert.Equal(17, MappedColumns(provider, "Responses").Count);
        Assert.Equal(13, MappedColumns(provider, "Comments").Count);
        var (responses, comments) = provider == DatabaseProvider.Postgres
            ? (PostgresColumns.Responses.Columns, PostgresColumns.Comments.Columns)
            : (SqliteStatements.ResponseColumns.Columns, SqliteStatements.CommentColumns.Columns);
        Assert.Equal(MappedColumns(provider, "Responses"), responses.Order(StringComparer.Ordinal));
        Assert.Equal(MappedColumns(provider, "Comments"), comments.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_column_list_that_leaves_out_a_mapped_property_or_names_an_unmapped_one_is_refused()
    {
        var model = BulkModel.For(DatabaseProvider.Sqlite);
        var all = model.FindEntityType(typeof(Response))!.GetProperties().Select(p => (p.Name, 0)).ToList();
        Assert.Equal(17, new BulkColumns<int>(model, typeof(Response), all).Columns.Count);

        var missing = Assert.Throws<InvalidOperationException>(() => new BulkColumns<int>(model, typeof(Response), [.. all.Where(p => p.Name != nameof(Response.OfferId))]));
        Assert.Contains("not written: OfferId", missing.Message);
        var unknown = Assert.Throws<InvalidOperationException>(() => new BulkColumns<int>(model, typeof(Response), [.. all, ("Mood", 0)]));
        Assert.Contains("not mapped: Mood", unknown.Message);
    }

    [Fact]
    public async Task A_response_and_comment_written_in_bulk_read_back_through_ef_equal_field_by_field()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        Response response;
        Comment comment;
        await using (var db = database.Open())
        {
            // A published questionnaire with a question with options and a free-text question.
            InstrumentDefinition? instrument = null;
            foreach (var id in await db.InstrumentVersions.Where(v => v.PublishedAt != null).OrderBy(v => v.Id).Select(v => v.Id).ToListAsync())
            {
                instrument = await InstrumentCatalog.LoadAsync(db, id, default);
                if (instrument.Questions.Any(q => q.Options.Count > 1) && instrument.Questions.Any(q => q.Type == QuestionType.FreeText)) break;
            }
            var version = await db.InstrumentVersions.AsNoTracking().SingleAsync(v => v.Id == instrument!.VersionId);
            var unit = await db.Units.AsNoTracking().OrderBy(u => u.Id).FirstAsync();
            var site = await db.Sites.AsNoTracking().SingleAsync(s => s.Id == unit.SiteId);
            var scale = instrument!.Questions.First(q => q.Options.Count > 1);
            var free = instrument.Questions.First(q => q.Type == QuestionType.FreeText);
            // Every field set, none to its default, so that a value written to the wrong column or not at all shows.
            response = new Response
            {
                Id = Guid.NewGuid(), InstrumentId = version.InstrumentId, InstrumentVersionId = version.Id,
                CampaignId = await db.Campaigns.Select(c => (int?)c.Id).FirstAsync(), Channel = Channel.Tablet,
                SubmittedHour = new DateTime(2025, 3, 14, 10, 0, 0, DateTimeKind.Utc), JobCentreId = site.JobCentreId, SiteId = site.Id, UnitId = unit.Id,
                OfferId = await db.Offers.Select(o => (int?)o.Id).FirstAsync(), TargetGroupId = await db.TargetGroups.Select(t => (int?)t.Id).FirstAsync(),
                MeetingType = "visitation", Language = "uk", Background = new() { ["sagsbehandlerskift"] = "ja", ["alder"] = "30-39" },
                Answers = new() { [scale.Key] = [scale.Options[1].Code] }, QualityFlags = ResponseQuality.KioskRepeat, ContentHash = "r" + new string('7', 63),
            };
            comment = new Comment
            {
                ResponseId = response.Id, InstrumentId = response.InstrumentId, QuestionKey = free.Key, Text = "Lang ventetid i telefonen, men venlig sagsbehandler.",
                SubmittedHour = response.SubmittedHour, Channel = Channel.Tablet, JobCentreId = site.JobCentreId, SiteId = site.Id, UnitId = unit.Id,
                TargetGroupId = response.TargetGroupId, Hidden = true,
            };
        }

        await using (var writer = await ResponseBulkWriter.OpenAsync(database.Factory, null, default))
        {
            await writer.WriteAsync([new ResponseRow(response, [comment])], default);
        }

        await using var read = database.Open();
        var storedResponse = await read.Responses.AsNoTracking().SingleAsync(r => r.Id == response.Id);
        var storedComment = await read.Comments.AsNoTracking().SingleAsync(c => c.ResponseId == response.Id);
        AssertSameFields(read.Model.FindEntityType(typeof(Response))!, response, storedResponse, except: null);
        // The key is the database's; everything else is what was written (themes as the writer classified them).
        AssertSameFields(read.Model.FindEntityType(typeof(Comment))!, comment, storedComment, except: nameof(Comment.Id));
    }

    private static void AssertSameFields(IEntityType entity, object written, object stored, string? except)
    {
        var properties = entity.GetProperties().Where(p => p.Name != except && p.PropertyInfo is not null).ToList();
        Assert.Equal(entity.GetProperties().Count() - (except is null ? 0 : 1), properties.Count);
        foreach (var property in properties)
        {
            var expected = Canonical(property.PropertyInfo!.GetValue(written));
            var actual = Canonical(property.PropertyInfo.GetValue(stored));
            Assert.True(expected == actual, $"{entity.ClrType.Name}.{property.Name}: wrote {expected}, read {actual}");
        }
    }

    /// <summary>A comparable text for any field: dates as UTC ticks (a provider may hand back an unspecified kind), collections as JSON.</summary>
    private static string Canonical(object? value) => value switch
    {
        null => "null",
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc).Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture),
        string s => s,
        System.Collections.IDictionary or System.Collections.IList => JsonSerializer.Serialize(value),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
