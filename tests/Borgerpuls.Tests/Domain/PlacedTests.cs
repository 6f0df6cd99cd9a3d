using System.Reflection;
using System.Runtime.CompilerServices;
using Borgerpuls.Domain;
using Borgerpuls.Features.Ingest;

namespace Borgerpuls.Tests.Domain;

/// <summary>Responses, comments, invitations, declined hand-overs and paper distributions share one place shape; these tests
/// fail when a kind stops taking it, when a field they all carry is left off it, or when a copy leaves a member behind.</summary>
public sealed class PlacedTests
{
    private static readonly PropertyInfo[] Members = typeof(IPlaced).GetProperties();

    private static readonly Type[] Kinds = [.. typeof(IPlaced).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(IPlaced).Namespace && t.IsClass && !t.IsAbstract
            && Members.All(m => t.GetProperty(m.Name) is not null))
        .OrderBy(t => t.Name, StringComparer.Ordinal)];

    /// <summary>Every placed kind but the value type, so the copy can be tried from and onto each.</summary>
    private static readonly Type[] Implementers = [.. typeof(IPlaced).Assembly.GetTypes()
        .Where(t => typeof(IPlaced).IsAssignableFrom(t) && !t.IsInterface && !t.IsAbstract)];

    [Fact]
    public void Every_domain_type_that_carries_a_whole_place_takes_the_shared_shape()
    {
        Assert.Equal(["Comment", "DeclinedHandOver", "Invitation", "PaperDistribution", "Response", "ResponseContext"], Kinds.Select(t => t.Name));
        Assert.All(Kinds, t => Assert.True(typeof(IPlaced).IsAssignableFrom(t), $"{t.Name} carries a place but is not an {nameof(IPlaced)}"));
    }

    [Fact]
    public void A_field_every_stored_kind_carries_is_on_the_shared_shape_unless_it_is_not_about_the_place()
    {
        string[] notPlace = ["Id", "InstrumentId"];
        Type[] stored = [typeof(Response), typeof(Comment), typeof(Invitation), typeof(DeclinedHandOver), typeof(PaperDistribution)];
        var shared = stored.Select(t => t.GetProperties().Select(p => p.Name)).Aggregate((a, b) => a.Intersect(b)).Except(notPlace);
        Assert.Equal(Members.Select(m => m.Name).Order(StringComparer.Ordinal), shared.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_copy_sets_every_member_of_the_shape_from_any_placed_kind_onto_any_other()
    {
        Assert.Contains(typeof(Place), Implementers);
        foreach (var sourceType in Implementers)
        {
            var source = WithDistinctValues(sourceType, first: 101);
            foreach (var targetType in Implementers.Where(t => t.IsClass))
            {
                var target = WithDistinctValues(targetType, first: 901);
                var copied = typeof(Placed).GetMethod(nameof(Placed.PlaceFrom))!.MakeGenericMethod(targetType).Invoke(null, [target, source]);
                Assert.Same(target, copied);
                Assert.All(Members, m => Assert.Equal(m.GetValue(source), m.GetValue(target)));
            }
        }
    }

    [Fact]
    public void A_collection_point_fixed_to_a_place_takes_every_member_of_the_shape()
    {
        var source = WithDistinctValues(typeof(Invitation), first: 101);
        var point = new CollectionPoint(Channel.Link, "exit") { JobCentreId = 901, SiteId = 902, UnitId = 903, TargetGroupId = 904 }.At(source);
        Assert.All(Members, m => Assert.Equal(m.GetValue(source), typeof(CollectionPoint).GetProperty(m.Name)!.GetValue(point)));
    }

    /// <summary>An instance with a distinct value in each member of the shape, counting up from <paramref name="first"/>.</summary>
    private static IPlaced WithDistinctValues(Type type, int first)
    {
        var placed = (IPlaced)RuntimeHelpers.GetUninitializedObject(type);
        var value = first;
        foreach (var member in Members)
        {
            member.SetValue(placed, member.PropertyType == typeof(string) ? $"v{value++}" : value++);
        }
        return placed;
    }
}
