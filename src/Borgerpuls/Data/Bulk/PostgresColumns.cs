using Borgerpuls.Domain;
using Npgsql;
using NpgsqlTypes;

namespace Borgerpuls.Data.Bulk;

/// <summary>The values binary COPY writes into Responses and Comments, per EF-mapped property; the column names and their
/// order come from the model (<see cref="BulkColumns{TValue}"/>).</summary>
internal static class PostgresColumns
{
    public delegate Task Write<in T>(NpgsqlBinaryImporter copy, T value, CancellationToken ct);

    public static readonly BulkColumns<Write<Response>> Responses = new(BulkModel.For(DatabaseProvider.Postgres), typeof(Response),
    [
        (nameof(Response.Id), (copy, r, ct) => copy.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct)),
        (nameof(Response.InstrumentVersionId), (copy, r, ct) => copy.WriteAsync(r.InstrumentVersionId, NpgsqlDbType.Integer, ct)),
        (nameof(Response.InstrumentId), (copy, r, ct) => copy.WriteAsync(r.InstrumentId, NpgsqlDbType.Integer, ct)),
        (nameof(Response.CampaignId), (copy, r, ct) => Nullable(copy, r.CampaignId, ct)),
        (nameof(Response.Channel), (copy, r, ct) => copy.WriteAsync(r.Channel.ToString(), NpgsqlDbType.Varchar, ct)),
        (nameof(Response.SubmittedHour), (copy, r, ct) => copy.WriteAsync(r.SubmittedHour, NpgsqlDbType.TimestampTz, ct)),
        (nameof(Response.JobCentreId), (copy, r, ct) => copy.WriteAsync(r.JobCentreId, NpgsqlDbType.Integer, ct)),
        (nameof(Response.SiteId), (copy, r, ct) => Nullable(copy, r.SiteId, ct)),
        (nameof(Response.UnitId), (copy, r, ct) => Nullable(copy, r.UnitId, ct)),
        (nameof(Response.OfferId), (copy, r, ct) => Nullable(copy, r.OfferId, ct)),
        (nameof(Response.TargetGroupId), (copy, r, ct) => Nullable(copy, r.TargetGroupId, ct)),
        (nameof(Response.MeetingType), (copy, r, ct) => Text(copy, r.MeetingType, ct)),
        (nameof(Response.Language), (copy, r, ct) => copy.WriteAsync(r.Language, NpgsqlDbType.Varchar, ct)),
        (nameof(Response.Background), (copy, r, ct) => copy.WriteAsync(JsonColumn.Serialize(r.Background), NpgsqlDbType.Varchar, ct)),
        (nameof(Response.Answers), (copy, r, ct) => copy.WriteAsync(JsonColumn.Serialize(r.Answers), NpgsqlDbType.Varchar, ct)),
        (nameof(Response.QualityFlags), (copy, r, ct) => copy.WriteAsync(r.QualityFlags.ToString(), NpgsqlDbType.Varchar, ct)),
        (nameof(Response.ContentHash), (copy, r, ct) => copy.WriteAsync(r.ContentHash, NpgsqlDbType.Varchar, ct)),
    ]);

    /// <summary>A comment with its response: the response id is the row's, whatever the comment was given.</summary>
    public static readonly BulkColumns<Write<(Response Response, Comment Comment)>> Comments = new(BulkModel.For(DatabaseProvider.Postgres), typeof(Comment),
    [
        (nameof(Comment.PublicId), (copy, x, ct) => copy.WriteAsync(x.Comment.PublicId, NpgsqlDbType.Uuid, ct)),
        (nameof(Comment.ResponseId), (copy, x, ct) => copy.WriteAsync(x.Response.Id, NpgsqlDbType.Uuid, ct)),
        (nameof(Comment.InstrumentId), (copy, x, ct) => copy.WriteAsync(x.Comment.InstrumentId, NpgsqlDbType.Integer, ct)),
        (nameof(Comment.QuestionKey), (copy, x, ct) => copy.WriteAsync(x.Comment.QuestionKey, NpgsqlDbType.Varchar, ct)),
        (nameof(Comment.Text), (copy, x, ct) => copy.WriteAsync(x.Comment.Text, NpgsqlDbType.Varchar, ct)),
        (nameof(Comment.Themes), (copy, x, ct) => copy.WriteAsync(JsonColumn.Serialize(x.Comment.Themes), NpgsqlDbType.Varchar, ct)),
        (nameof(Comment.SubmittedHour), (copy, x, ct) => copy.WriteAsync(x.Comment.SubmittedHour, NpgsqlDbType.TimestampTz, ct)),
        (nameof(Comment.Channel), (copy, x, ct) => copy.WriteAsync(x.Comment.Channel.ToString(), NpgsqlDbType.Varchar, ct)),
        (nameof(Comment.JobCentreId), (copy, x, ct) => copy.WriteAsync(x.Comment.JobCentreId, NpgsqlDbType.Integer, ct)),
        (nameof(Comment.SiteId), (copy, x, ct) => Nullable(copy, x.Comment.SiteId, ct)),
        (nameof(Comment.UnitId), (copy, x, ct) => Nullable(copy, x.Comment.UnitId, ct)),
        (nameof(Comment.TargetGroupId), (copy, x, ct) => Nullable(copy, x.Comment.TargetGroupId, ct)),
        (nameof(Comment.Hidden), (copy, x, ct) => copy.WriteAsync(x.Comment.Hidden, NpgsqlDbType.Boolean, ct)),
    ]);

    public static string Copy<T>(BulkColumns<T> columns) => $"COPY {columns.Target} FROM STDIN (FORMAT BINARY)";

    /// <summary>One row: every value in the columns' order.</summary>
    public static async Task WriteRowAsync<T>(NpgsqlBinaryImporter copy, BulkColumns<Write<T>> columns, T value, CancellationToken ct)
    {
        await copy.StartRowAsync(ct);
        foreach (var write in columns.Values)
        {
            await write(copy, value, ct);
        }
    }

    private static Task Nullable(NpgsqlBinaryImporter copy, int? value, CancellationToken ct) =>
        value is { } v ? copy.WriteAsync(v, NpgsqlDbType.Integer, ct) : copy.WriteNullAsync(ct);

    private static Task Text(NpgsqlBinaryImporter copy, string? value, CancellationToken ct) =>
        value is { } v ? copy.WriteAsync(v, NpgsqlDbType.Varchar, ct) : copy.WriteNullAsync(ct);
}
