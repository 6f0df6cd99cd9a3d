using System.Globalization;
using System.Text.RegularExpressions;
using Borgerpuls.Data;
using Borgerpuls.Features.Configuration;
using Borgerpuls.Localization;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Questionnaires;

/// <summary>The checks before a draft is published: the configuration validator's (one rule set with <c>config apply</c>),
/// said in the builder's words for the parts a builder user can reach, plus what only the builder asks (a name, at least
/// one question). All in the page's language.</summary>
public static partial class PublishCheck
{
    [GeneratedRegex(@"^\$\.instruments\[0\]\.questions\[(\d+)\]\.(\w+)$")]
    private static partial Regex QuestionPath();

    public static async Task<List<string>> ProblemsAsync(BorgerpulsDb db, DraftContent content, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(content.Instrument.Names.GetValueOrDefault("da"))) problems.Add(t["Builder.NameRequired"]);
        if (content.Instrument.Questions.Count == 0) problems.Add(t["Builder.NoQuestions"]);
        var errors = await ConfigValidator.ValidateAsync(content.Document, db, ct);
        problems.AddRange(errors.Select(e => Text(e, content, t)).Where(p => !problems.Contains(p)));
        return problems.Distinct().ToList();
    }

    /// <summary>A validator's message in the builder's words, naming the question by its number as the list shows it; one the
    /// builder has no words for is said as the validator says it, in the page's language.</summary>
    public static string Text(ConfigError error, DraftContent content, IStringLocalizer<SharedResource> t)
    {
        var message = error.Text(CultureInfo.CurrentUICulture);
        if (QuestionPath().Match(error.Path) is { Success: true } m)
        {
            var n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1;
            return m.Groups[2].Value switch
            {
                "texts" => t["Builder.Publish.Text", n],
                "scale" => t["Builder.Publish.Scale", n],
                "key" => t["Builder.Publish.Key", n],
                "overall" => t["Builder.OverallNeedsScale"],
                "showAfter" => t["Builder.Publish.ShowAfter", n],
                _ => t["Builder.Publish.Other", error.Path, message],
            };
        }
        return error.Path switch
        {
            "$.instruments[0].names" => t["Builder.NameRequired"],
            "$.instruments[0].key" => t["Builder.Publish.InstrumentKey", content.Instrument.Key],
            "$.instruments[0].questions" => t["Builder.Publish.Questions"],
            "$.instruments[0].extends" => t["Builder.Publish.Extends", content.Instrument.Extends ?? ""],
            "$.instruments[0].mirrorOf" => t["Builder.Publish.MirrorOf", content.Instrument.MirrorOf ?? ""],
            _ when error.Path.StartsWith("$.scales", StringComparison.Ordinal) => t["Builder.Publish.Scales", message],
            _ => t["Builder.Publish.Other", error.Path, message],
        };
    }
}
