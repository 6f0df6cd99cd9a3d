using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Borgerpuls.Cli;

/// <summary>Whole-number options and arguments whose refusal says what was wrong in words ("--k: 'x' is not a whole
/// number"), not as a .NET type name.</summary>
internal static class NumberOption
{
    public static Option<int> Int(string name, string description, int defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => (int)Parse(result, name, int.MinValue, int.MaxValue),
    };

    public static Option<long> Long(string name, string description, long defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => Parse(result, name, long.MinValue, long.MaxValue),
    };

    /// <param name="label">What the value is, for the refusal: "device number 'abc' is not a whole number".</param>
    public static Argument<int> IntArgument(string name, string description, string label) => new(name)
    {
        Description = description,
        CustomParser = result => (int)Parse(result, label, int.MinValue, int.MaxValue),
    };

    private static long Parse(ArgumentResult result, string name, long min, long max)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : "";
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        result.AddError(CliText.Get("Cli.Number.Invalid", name, text));
        return 0;
    }
}
