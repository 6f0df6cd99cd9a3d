using Borgerpuls.Domain;
using Borgerpuls.Features.Configuration;

namespace Borgerpuls.Features.Questionnaires;

/// <summary>What a draft holds: one instrument in the configuration format and the new scales its questions bring. It is
/// stored as a configuration document, so publishing it is <see cref="ConfigApplier"/> with exactly this document and the
/// same rules as <c>config apply</c>.</summary>
public sealed record DraftContent(InstrumentConfig Instrument, List<ScaleConfig> Scales)
{
    public static DraftContent Read(string json)
    {
        var doc = ConfigJson.Parse(json);
        return new DraftContent(doc.Instruments.Single(), doc.Scales);
    }

    public ConfigDocument Document => new() { Instruments = [Instrument], Scales = Scales };

    public string Json => ConfigJson.Write(Document);

    public int IndexOf(string questionKey) => Instrument.Questions.FindIndex(q => q.Key == questionKey);

    /// <summary>The questions replaced; new scales no question uses any more are dropped with them.</summary>
    public DraftContent WithQuestions(List<QuestionConfig> questions, ScaleConfig? newScale = null)
    {
        var scales = Scales.Where(s => s.Key != newScale?.Key).Append(newScale).OfType<ScaleConfig>()
            .Where(s => questions.Any(q => q.Scale == s.Key)).ToList();
        return new DraftContent(Instrument with { Questions = questions }, scales);
    }

    /// <summary>Saves or adds <paramref name="question"/>: in the place of <paramref name="original"/> when it is set.</summary>
    public DraftContent Put(string? original, QuestionConfig question, ScaleConfig? newScale)
    {
        var questions = Instrument.Questions.ToList();
        var at = original is null ? -1 : IndexOf(original);
        if (at >= 0) questions[at] = question;
        else questions.Add(question);
        return WithQuestions(questions, newScale);
    }

    public DraftContent Move(string key, int by)
    {
        var questions = Instrument.Questions.ToList();
        var at = IndexOf(key);
        var to = at + by;
        if (at < 0 || to < 0 || to >= questions.Count) return this;
        (questions[at], questions[to]) = (questions[to], questions[at]);
        return WithQuestions(questions);
    }

    public DraftContent Remove(string key) => WithQuestions(Instrument.Questions.Where(q => q.Key != key).ToList());

    public DraftContent Named(string da, string? en)
    {
        var names = new Dictionary<string, string>(Instrument.Names) { [LocalizedText.Danish] = da };
        if (string.IsNullOrWhiteSpace(en)) names.Remove("en");
        else names["en"] = en;
        return this with { Instrument = Instrument with { Names = names } };
    }
}
