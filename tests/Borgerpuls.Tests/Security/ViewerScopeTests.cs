using Borgerpuls.Security;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Security;

/// <summary>The one rule for which job centres a viewer sees, used by every page, endpoint and query that shows or changes
/// something of a centre.</summary>
public sealed class ViewerScopeTests
{
    [Fact]
    public async Task A_manager_sees_their_own_centres_and_the_other_roles_see_all()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        await using var db = database.Open();
        var manager = new Viewer(Roles.Manager, new HashSet<string>(["jc-nord"], StringComparer.Ordinal));
        var nobody = new Viewer(Roles.Manager, new HashSet<string>(StringComparer.Ordinal));

        Assert.True(manager.SeesCentre("jc-nord"));
        Assert.False(manager.SeesCentre("jc-syd"));
        Assert.False(manager.SeesCentre("JC-NORD"));
        Assert.False(nobody.SeesCentre("jc-nord"));
        Assert.True(Viewer.CommandLine.SeesCentre("jc-syd"));
        Assert.True(new Viewer(Roles.Committee, null).SeesCentre("jc-syd"));

        var nord = await db.JobCentres.Where(j => j.Key == "jc-nord").Select(j => j.Id).SingleAsync();
        Assert.Equal([nord], await manager.CentreIds(db)!.ToListAsync());
        Assert.Empty(await nobody.CentreIds(db)!.ToListAsync());
        Assert.Null(Viewer.CommandLine.CentreIds(db));
    }
}
