using Microsoft.Data.Sqlite;

namespace Borgerpuls.Data.Bulk;

/// <summary>The bulk writer's two statements, compiled on first use and kept for the writer's life; each row only binds
/// new values. Executed synchronously: Microsoft.Data.Sqlite's async methods run synchronously anyway and would only add a
/// task per row.</summary>
internal sealed class SqliteStatements : IDisposable
{
    private readonly SqliteCommand _response;
    private readonly SqliteCommand _comment;
    private readonly SqliteParameter[] _r;
    private readonly SqliteParameter[] _c;

    public SqliteStatements(SqliteConnection connection)
    {
        _response = connection.CreateCommand();
        _response.CommandText = """
            INSERT INTO "Responses" ("Id","InstrumentVersionId","InstrumentId","CampaignId","Channel","SubmittedHour","JobCentreId","SiteId",
              "UnitId","OfferId","TargetGroupId","MeetingType","Language","Background","Answers","QualityFlags","ContentHash")
            VALUES ($id,$version,$instrument,$campaign,$channel,$hour,$centre,$site,$unit,$offer,$group,$meeting,$language,$background,$answers,$flags,$hash)
            """;
        _r = [.. new[] { "id", "version", "instrument", "campaign", "channel", "hour", "centre", "site", "unit", "offer", "group", "meeting", "language", "background", "answers", "flags", "hash" }
            .Select(name => _response.Parameters.Add("$" + name, SqliteType.Text))];
        _comment = connection.CreateCommand();
        _comment.CommandText = """
            INSERT INTO "Comments" ("PublicId","ResponseId","InstrumentId","QuestionKey","Text","Themes","SubmittedHour","Channel","JobCentreId","SiteId","UnitId","TargetGroupId","Hidden")
            VALUES ($public,$response,$instrument,$question,$text,$themes,$hour,$channel,$centre,$site,$unit,$group,0)
            """;
        _c = [.. new[] { "public", "response", "instrument", "question", "text", "themes", "hour", "channel", "centre", "site", "unit", "group" }
            .Select(name => _comment.Parameters.Add("$" + name, SqliteType.Text))];
    }

    public void Enlist(SqliteTransaction transaction)
    {
        _response.Transaction = transaction;
        _comment.Transaction = transaction;
    }

    public void Write(ResponseRow row)
    {
        var (r, comments) = row;
        var id = SqliteFormats.Guid(r.Id);
        object?[] values =
        [
            id, r.InstrumentVersionId, r.InstrumentId, r.CampaignId, r.Channel.ToString(), SqliteFormats.DateTime(r.SubmittedHour), r.JobCentreId,
            r.SiteId, r.UnitId, r.OfferId, r.TargetGroupId, r.MeetingType, r.Language, JsonColumn.Serialize(r.Background), JsonColumn.Serialize(r.Answers),
            r.QualityFlags.ToString(), r.ContentHash,
        ];
        Bind(_r, values);
        _response.ExecuteNonQuery();
        foreach (var k in comments)
        {
            Bind(_c,
            [
                SqliteFormats.Guid(k.PublicId), id, k.InstrumentId, k.QuestionKey, k.Text, JsonColumn.Serialize(k.Themes), SqliteFormats.DateTime(k.SubmittedHour), k.Channel.ToString(),
                k.JobCentreId, k.SiteId, k.UnitId, k.TargetGroupId,
            ]);
            _comment.ExecuteNonQuery();
        }
    }

    private static void Bind(SqliteParameter[] parameters, object?[] values)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    public void Dispose()
    {
        _response.Dispose();
        _comment.Dispose();
    }
}
