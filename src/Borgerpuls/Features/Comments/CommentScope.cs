using Borgerpuls.Data.Aggregates;
using Borgerpuls.Domain;
using Borgerpuls.Features.Results;
using Borgerpuls.Security;

namespace Borgerpuls.Features.Comments;

/// <summary>One filter of a comment query, resolved to ids: a job centre, site, unit or target group id, a set's members, or a channel.</summary>
internal sealed record CommentFilter(Dimension Dimension, int Id, List<int> Members, Channel Channel);

/// <summary>The period, the viewer's centres and the filters of a comment query, applied alike to the theme cells (counts)
/// and to the comments (quotes), so both always describe the same comments.</summary>
internal sealed record CommentScope(int? FromMonth, int? ToMonth, List<int>? Centres, List<CommentFilter> Filters)
{
    public static CommentScope Of(ResultsRequest request, Viewer viewer, OrganisationIndex index)
    {
        var centres = viewer.SeesAll ? null : index.JobCentres.Where(j => viewer.SeesCentre(j.Value.Key)).Select(j => j.Key).ToList();
        var filters = request.Where.Select(w => w.Key switch
        {
            Dimension.JobCentre => new CommentFilter(w.Key, index.IdOf(index.JobCentres, w.Value, "Results.Error.UnknownJobCentre"), [], default),
            Dimension.Site => new CommentFilter(w.Key, index.IdOf(index.Sites, w.Value, "Results.Error.UnknownSite"), [], default),
            Dimension.Unit => new CommentFilter(w.Key, index.IdOf(index.Units, w.Value, "Results.Error.UnknownUnit"), [], default),
            Dimension.TargetGroup => new CommentFilter(w.Key, index.TargetGroupId(w.Value), [], default),
            Dimension.TargetGroupSet => index.Sets.TryGetValue(w.Value, out var set)
                ? new CommentFilter(w.Key, set.Id, [.. set.Members], default)
                : throw new ResultsException("Results.Error.UnknownTargetGroupSet", w.Value),
            Dimension.Channel => Enum.TryParse<Channel>(w.Value, true, out var channel)
                ? new CommentFilter(w.Key, 0, [], channel)
                : throw new ResultsException("Results.Error.UnknownChannel", w.Value),
            _ => throw new ResultsException("Results.Error.CommentsFilter", ResultsRequest.Name(w.Key)),
        }).ToList();
        return new CommentScope(request.From is { } from ? CellKey.MonthOf(from.ToDateTime(TimeOnly.MinValue)) : null,
            request.To is { } to ? CellKey.MonthOf(to.ToDateTime(TimeOnly.MinValue)) : null, centres, filters);
    }

    public IQueryable<ThemeCell> Apply(IQueryable<ThemeCell> cells)
    {
        if (FromMonth is { } from) cells = cells.Where(c => c.Month >= from);
        if (ToMonth is { } to) cells = cells.Where(c => c.Month <= to);
        if (Centres is { } centres) cells = cells.Where(c => centres.Contains(c.JobCentreId));
        foreach (var f in Filters)
        {
            var channel = f.Channel.ToString();
            cells = f.Dimension switch
            {
                Dimension.JobCentre => cells.Where(c => c.JobCentreId == f.Id),
                Dimension.Site => cells.Where(c => c.SiteId == f.Id),
                Dimension.Unit => cells.Where(c => c.UnitId == f.Id),
                Dimension.TargetGroup => cells.Where(c => c.TargetGroupId == f.Id),
                Dimension.TargetGroupSet => cells.Where(c => f.Members.Contains(c.TargetGroupId)),
                _ => cells.Where(c => c.Channel == channel),
            };
        }
        return cells;
    }

    public IQueryable<Comment> Apply(IQueryable<Comment> comments)
    {
        if (FromMonth is { } from)
        {
            var first = new DateTime(from / 100, from % 100, 1, 0, 0, 0, DateTimeKind.Utc);
            comments = comments.Where(c => c.SubmittedHour >= first);
        }
        if (ToMonth is { } to)
        {
            var end = new DateTime(to / 100, to % 100, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
            comments = comments.Where(c => c.SubmittedHour < end);
        }
        if (Centres is { } centres) comments = comments.Where(c => centres.Contains(c.JobCentreId));
        foreach (var f in Filters)
        {
            comments = f.Dimension switch
            {
                Dimension.JobCentre => comments.Where(c => c.JobCentreId == f.Id),
                Dimension.Site => comments.Where(c => c.SiteId == f.Id),
                Dimension.Unit => comments.Where(c => c.UnitId == f.Id),
                Dimension.TargetGroup => comments.Where(c => c.TargetGroupId == f.Id),
                Dimension.TargetGroupSet => comments.Where(c => c.TargetGroupId != null && f.Members.Contains(c.TargetGroupId.Value)),
                _ => comments.Where(c => c.Channel == f.Channel),
            };
        }
        return comments;
    }
}
