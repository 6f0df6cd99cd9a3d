namespace Borgerpuls.Tests;

/// <summary>Municipalities may reuse and self-host Borgerpuls only under a licence the repository states.</summary>
public sealed class LicenceTests
{
    [Fact]
    public void The_repository_carries_the_mpl_and_the_readme_names_it()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Borgerpuls.slnx"))) dir = Path.GetDirectoryName(dir)!;
        var licence = File.ReadAllText(Path.Combine(dir, "LICENSE"));
        Assert.StartsWith("Mozilla Public License Version 2.0", licence, StringComparison.Ordinal);
        Assert.Contains("Exhibit A - Source Code Form License Notice", licence, StringComparison.Ordinal);
        Assert.Contains("Mozilla Public License 2.0", File.ReadAllText(Path.Combine(dir, "README.md")), StringComparison.Ordinal);
        Assert.Contains("MPL-2.0", File.ReadAllText(Path.Combine(dir, "CONTRIBUTING.md")), StringComparison.Ordinal);
    }
}
