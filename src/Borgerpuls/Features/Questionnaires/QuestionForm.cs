using System.Globalization;
using System.Text.RegularExpressions;
using Borgerpuls.Domain;
using Borgerpuls.Features.Configuration;
using Borgerpuls.Features.Import;
using Borgerpuls.Localization;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Questionnaires;

/// <summary>One answer option of a new scale as typed.</summary>
public sealed class OptionForm
{
    public string? Code { get; set; }
    public string? LabelDa { get; set; }
    public string? LabelEn { get; set; }

    /// <summary>As typed, with a Danish decimal comma or a point.</summary>
    public string? Value { get; set; }
    public Polarity Polarity { get; set; } = Polarity.Neutral;

    public bool IsBlank => string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(LabelDa) && string.IsNullOrWhiteSpace(LabelEn) && string.IsNullOrWhiteSpace(Value);
}

/// <summary>The question form of the draft editor. <see cref="Check"/> turns it into the configuration's question (and new
/// scale) or names every problem in Danish — the rules of <c>config apply</c> that a question can break, said in the
/// builder's words, so a user never meets the validator's English.</summary>
public sealed partial class QuestionForm
{
    public const string NewScale = "new";
    public const int MaxText = 1000, MaxTheme = 64;

    /// <summary>The key of the question being changed; empty when a question is added.</summary>
    public string? Original { get; set; }
    public string? Key { get; set; }
    public QuestionType Type { get; set; } = QuestionType.Scale;
    public string? TextDa { get; set; }
    public string? TextEn { get; set; }

    /// <summary>An existing scale's key, a new scale of this draft, or <see cref="NewScale"/>.</summary>
    public string? Scale { get; set; }
    public string? ScaleNameDa { get; set; }
    public string? ScaleNameEn { get; set; }
    public List<OptionForm> Options { get; set; } = [];
    public string? Theme { get; set; }
    public Touchpoint? Touchpoint { get; set; }
    public bool Overall { get; set; }
    public bool Required { get; set; }

    /// <summary>The key of an earlier question this one follows up (on the kiosk: the question after a press on a face).</summary>
    public string? ShowAfter { get; set; }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    public static partial Regex KeyPattern();

    public static bool NeedsScale(QuestionType type) => type is not QuestionType.FreeText;

    /// <summary>The form filled from a question of the draft (its new scale, if it has one, as editable options).</summary>
    public static QuestionForm Of(QuestionConfig q, DraftContent content)
    {
        var form = new QuestionForm
        {
            Original = q.Key, Key = q.Key, Type = q.Type, TextDa = q.Texts.GetValueOrDefault("da"), TextEn = q.Texts.GetValueOrDefault("en"),
            Scale = q.Scale, Theme = q.Theme, Touchpoint = q.Touchpoint, Overall = q.Overall, Required = q.Required,
            ShowAfter = q.ShowAfter,
        };
        if (content.Scales.FirstOrDefault(s => s.Key == q.Scale) is { } own)
        {
            form.Scale = NewScale;
            form.ScaleNameDa = own.Names.GetValueOrDefault("da");
            form.ScaleNameEn = own.Names.GetValueOrDefault("en");
            form.Options = own.Options.Select(o => new OptionForm
            {
                Code = o.Code, LabelDa = o.Labels.GetValueOrDefault("da"), LabelEn = o.Labels.GetValueOrDefault("en"),
                Value = o.Value?.ToString("0.###", CultureInfo.GetCultureInfo("da-DK")), Polarity = o.Polarity,
            }).ToList();
        }
        return form;
    }

    /// <summary>The question as configuration plus its new scale (or null), or null with every problem in <paramref name="errors"/>.</summary>
    /// <param name="scales">The scales already in the database.</param>
    /// <param name="coreKeys">The question keys of the core instrument a local extension adds to (its keys come first).</param>
    public (QuestionConfig? Question, ScaleConfig? Scale) Check(DraftContent content, IReadOnlySet<string> scales, IReadOnlyCollection<string> coreKeys,
        IStringLocalizer<SharedResource> t, List<string> errors)
    {
        var original = string.IsNullOrWhiteSpace(Original) ? null : content.Instrument.Questions.FirstOrDefault(q => q.Key == Original);
        if (!string.IsNullOrWhiteSpace(Original) && original is null)
        {
            errors.Add(t["Builder.QuestionGone", Original]);
            return (null, null);
        }
        TextDa = TextDa?.Trim();
        TextEn = string.IsNullOrWhiteSpace(TextEn) ? null : TextEn.Trim();
        if (string.IsNullOrEmpty(TextDa)) errors.Add(t["Builder.TextRequired"]);
        else if (TextDa.Length > MaxText || TextEn?.Length > MaxText) errors.Add(t["Builder.TextTooLong", MaxText]);

        var others = content.Instrument.Questions.Where(q => q != original).Select(q => q.Key).Concat(coreKeys).ToHashSet(StringComparer.Ordinal);
        var key = string.IsNullOrWhiteSpace(Key) ? original?.Key : Key.Trim();
        if (key is null)
        {
            key = TextDa is { Length: > 0 } ? FreeSlug(TextDa, "spm", others, 40) : null;
        }
        else if (!KeyPattern().IsMatch(key)) errors.Add(t["Builder.BadKey", key]);
        else if (others.Contains(key)) errors.Add(t["Builder.KeyTaken", key]);

        ScaleConfig? newScale = null;
        string? scaleKey = null;
        if (NeedsScale(Type))
        {
            var chosen = Scale?.Trim();
            if (string.IsNullOrEmpty(chosen)) errors.Add(t["Builder.ScaleRequired", t[TypeKey(Type)]]);
            else if (chosen == NewScale) newScale = CheckNewScale(content, original, scales, t, errors);
            else if (!scales.Contains(chosen) && content.Scales.All(s => s.Key != chosen)) errors.Add(t["Builder.UnknownScale", chosen]);
            else scaleKey = chosen;
            scaleKey ??= newScale?.Key;
        }
        if (Overall && Type != QuestionType.Scale) errors.Add(t["Builder.OverallNeedsScale"]);
        else if (Overall && content.Instrument.Questions.FirstOrDefault(q => q.Overall && q != original) is { } other)
        {
            errors.Add(t["Builder.OverallTaken", other.Texts.GetValueOrDefault("da") ?? other.Key]);
        }
        Theme = string.IsNullOrWhiteSpace(Theme) ? null : Theme.Trim();
        if (Theme?.Length > MaxTheme) errors.Add(t["Builder.ThemeTooLong", MaxTheme]);
        ShowAfter = string.IsNullOrWhiteSpace(ShowAfter) ? null : ShowAfter.Trim();
        if (ShowAfter is not null && !EarlierKeys(content, original).Contains(ShowAfter)) errors.Add(t["Builder.ShowAfterNotEarlier", ShowAfter]);
        if (errors.Count > 0) return (null, null);

        // Languages other than Danish and English were typed on the translation page; a changed question keeps them.
        var texts = new Dictionary<string, string>(original?.Texts ?? []) { ["da"] = TextDa! };
        if (TextEn is null) texts.Remove("en");
        else texts["en"] = TextEn;
        var question = new QuestionConfig(key!, Type, texts)
        {
            Scale = scaleKey, Theme = Theme, Touchpoint = Touchpoint, Overall = Overall, Required = Required, ShowAfter = ShowAfter,
        };
        return (question, newScale);
    }

    /// <summary>The questions a question can follow up: those before it (all of them for a new question, which is added last).
    /// A core instrument's questions are not among them: <c>config apply</c> checks within the instrument's own list.</summary>
    public static List<string> EarlierKeys(DraftContent content, QuestionConfig? question) =>
        content.Instrument.Questions.TakeWhile(q => q != question).Select(q => q.Key).ToList();

    private ScaleConfig? CheckNewScale(DraftContent content, QuestionConfig? original, IReadOnlySet<string> scales, IStringLocalizer<SharedResource> t, List<string> errors)
    {
        var before = content.Scales.FirstOrDefault(s => s.Key == original?.Scale);
        var count = errors.Count;
        var name = ScaleNameDa?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add(t["Builder.ScaleNameRequired"]);
        var rows = Options.Where(o => !o.IsBlank).ToList();
        if (rows.Count == 0) errors.Add(t["Builder.OptionsRequired"]);
        var options = new List<ScaleOptionConfig>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var n = i + 1;
            var label = row.LabelDa?.Trim();
            if (string.IsNullOrEmpty(label)) errors.Add(t["Builder.OptionLabelRequired", n]);
            var code = string.IsNullOrWhiteSpace(row.Code) ? (label is { Length: > 0 } ? FreeSlug(label, "svar", codes, 32) : null) : row.Code.Trim();
            if (code is not null && !KeyPattern().IsMatch(code)) errors.Add(t["Builder.BadCode", code, n]);
            else if (code is not null && !codes.Add(code)) errors.Add(t["Builder.CodeTaken", code]);
            double? value = null;
            var typed = row.Value?.Trim().Replace(',', '.');
            if (!string.IsNullOrEmpty(typed))
            {
                if (double.TryParse(typed, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)) value = v;
                else errors.Add(t["Builder.BadValue", row.Value!, n]);
            }
            else if (row.Polarity is Polarity.Positive or Polarity.Neutral or Polarity.Negative)
            {
                errors.Add(t["Builder.ValueRequired", n]);
            }
            var labels = new Dictionary<string, string>(before?.Options.FirstOrDefault(o => o.Code == code)?.Labels ?? []) { ["da"] = label ?? "" };
            if (string.IsNullOrWhiteSpace(row.LabelEn)) labels.Remove("en");
            else labels["en"] = row.LabelEn.Trim();
            options.Add(new ScaleOptionConfig(code ?? "", labels, row.Polarity, value));
        }
        if (errors.Count > count) return null;
        var taken = scales.Concat(content.Scales.Where(s => s != before).Select(s => s.Key)).ToHashSet(StringComparer.Ordinal);
        var key = before?.Key ?? FreeSlug(name!, "skala", taken, 48);
        var names = new Dictionary<string, string>(before?.Names ?? []) { ["da"] = name! };
        if (string.IsNullOrWhiteSpace(ScaleNameEn)) names.Remove("en");
        else names["en"] = ScaleNameEn.Trim();
        return new ScaleConfig(key, names, options);
    }

    /// <summary>A key made from a text ("Hvor tilfreds …" → <c>hvor-tilfreds-…</c>), then <c>-2</c>, <c>-3</c> … when taken.</summary>
    public static string FreeSlug(string text, string fallback, IReadOnlySet<string> taken, int length)
    {
        var slug = Importer.Slug(text);
        var stem = slug.Length == 0 ? fallback : slug[..Math.Min(slug.Length, length)].TrimEnd('-');
        if (!KeyPattern().IsMatch(stem)) stem = fallback;
        return Enumerable.Range(1, int.MaxValue).Select(n => n == 1 ? stem : $"{stem}-{n}").First(k => !taken.Contains(k));
    }

    public static string TypeKey(QuestionType type) => "Builder.Type." + type;
    public static string PolarityKey(Polarity polarity) => "Builder.Polarity." + polarity;
    public static string TouchpointKey(Touchpoint touchpoint) => "Builder.Touchpoint." + touchpoint;
}
