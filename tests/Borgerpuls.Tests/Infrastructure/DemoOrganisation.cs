using System.Text.RegularExpressions;

namespace Borgerpuls.Tests.Infrastructure;

/// <summary>The demo municipality's organisation, presets and campaigns without any responses, served by the real app; and
/// what citizen pages hand out that a test needs back.</summary>
public static partial class DemoOrganisation
{
    public static async Task<(TestDatabase Database, BorgerpulsApp App)> StartAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await database.AddDemoOrganisationAsync();
        return (database, new BorgerpulsApp(database));
    }

    /// <summary>The response id a citizen page fixed when it was shown (its hidden <c>id</c> field).</summary>
    public static string ResponseId(string html) => IdField().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"id\" value=\"([^\"]+)\"")]
    private static partial Regex IdField();
}
