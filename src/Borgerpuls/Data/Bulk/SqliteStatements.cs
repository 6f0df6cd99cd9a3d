using Borgerpuls.Domain;
using Microsoft.Data.Sqlite;

namespace Borgerpuls.Data.Bulk;

/// <summary>The bulk writer's two statements, compiled on first use and kept for the writer's life; each row only binds
/// new values. Executed synchronously: Microsoft.Data.Sqlite's async methods run synchronously anyway and would only add a
/// task per row. The columns are named by the EF model (<see cref="BulkColumns{TValue}"/>); the values are here.</summary>
internal sealed class SqliteStatements : IDisposable
{
    internal static readonly BulkColumns<Func<Response, object?>> ResponseColumns = new(BulkModel.For(DatabaseProvider.Sqlite), typeof(Response),
    [
        (nameof(Response.Id), r => SqliteFormats.Guid(r.Id)),
        (nameof(Response.InstrumentVersionId), r => r.InstrumentVersionId),
        (nameof(Response.InstrumentId), r => r.InstrumentId),
        (nameof(Response.CampaignId), r => r.CampaignId),
        (nameof(Response.Channel), r => r.Channel.ToString()),
        (nameof(Response.SubmittedHour), r => SqliteFormats.DateTime(r.SubmittedHour)),
        (nameof(Response.JobCentreId), r => r.JobCentreId),
        (nameof(Response.SiteId), r => r.SiteId),
        (nameof(Response.UnitId), r => r.UnitId),
        (nameof(Response.OfferId), r => r.OfferId),
        (nameof(Response.TargetGroupId), r => r.TargetGroupId),
        (nameof(Response.MeetingType), r => r.MeetingType),
        (nameof(Response.Language), r => r.Language),
        (nameof(Response.Background), r => JsonColumn.Serialize(r.Background)),
        (nameof(Response.Answers), r => JsonColumn.Serialize(r.Answers)),
        (nameof(Response.QualityFlags), r => r.QualityFlags.ToString()),
        (nameof(Response.ContentHash), r => r.ContentHash),
    ]);

    /// <summary>A comment's values; the response id is the row's, whatever the comment was given.</summary>
    internal static readonly BulkColumns<Func<Response, Comment, object?>> CommentColumns = new(BulkModel.For(DatabaseProvider.Sqlite), typeof(Comment),
    [
        (nameof(Comment.PublicId), (_, k) => SqliteFormats.Guid(k.PublicId)),
        (nameof(Comment.ResponseId), (r, _) => SqliteFormats.Guid(r.Id)),
        (nameof(Comment.InstrumentId), (_, k) => k.InstrumentId),
        (nameof(Comment.QuestionKey), (_, k) => k.QuestionKey),
        (nameof(Comment.Text), (_, k) => k.Text),
        (nameof(Comment.Themes), (_, k) => JsonColumn.Serialize(k.Themes)),
        (nameof(Comment.SubmittedHour), (_, k) => SqliteFormats.DateTime(k.SubmittedHour)),
        (nameof(Comment.Channel), (_, k) => k.Channel.ToString()),
        (nameof(Comment.JobCentreId), (_, k) => k.JobCentreId),
        (nameof(Comment.SiteId), (_, k) => k.SiteId),
        (nameof(Comment.UnitId), (_, k) => k.UnitId),
        (nameof(Comment.TargetGroupId), (_, k) => k.TargetGroupId),
        (nameof(Comment.Hidden), (_, k) => k.Hidden ? 1 : 0),
    ]);

    private readonly SqliteCommand _response;
    private readonly SqliteCommand _comment;
    private readonly SqliteParameter[] _r;
    private readonly SqliteParameter[] _c;

    public SqliteStatements(SqliteConnection connection)
    {
        (_response, _r) = Insert(connection, ResponseColumns.Target, ResponseColumns.Columns.Count);
        (_comment, _c) = Insert(connection, CommentColumns.Target, CommentColumns.Columns.Count);
    }

    private static (SqliteCommand, SqliteParameter[]) Insert(SqliteConnection connection, string target, int count)
    {
        var command = connection.CreateCommand();
        var names = Enumerable.Range(0, count).Select(i => $"$p{i}").ToList();
        command.CommandText = $"INSERT INTO {target} VALUES ({string.Join(",", names)})";
        return (command, [.. names.Select(name => command.Parameters.Add(name, SqliteType.Text))]);
    }

    public void Enlist(SqliteTransaction transaction)
    {
        _response.Transaction = transaction;
        _comment.Transaction = transaction;
    }

    public void Write(ResponseRow row)
    {
        var (r, comments) = row;
        var values = ResponseColumns.Values;
        for (var i = 0; i < _r.Length; i++)
        {
            _r[i].Value = values[i](r) ?? DBNull.Value;
        }
        _response.ExecuteNonQuery();
        var commentValues = CommentColumns.Values;
        foreach (var k in comments)
        {
            for (var i = 0; i < _c.Length; i++)
            {
                _c[i].Value = commentValues[i](r, k) ?? DBNull.Value;
            }
            _comment.ExecuteNonQuery();
        }
    }

    public void Dispose()
    {
        _response.Dispose();
        _comment.Dispose();
    }
}
