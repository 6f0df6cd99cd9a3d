namespace Borgerpuls.Analysis.Themes;

/// <summary>Assigns themes to a comment from a configurable Danish lexicon (SPEC §5). Built once from the definitions
/// (the presets or what users made of them) and then pure and thread-safe. The term syntax is described on
/// <see cref="ThemeDefinition.Terms"/>.</summary>
/// <remarks>Matching is a dictionary lookup per word of the comment (the word and the word minus each Danish ending, and
/// its prefixes for starred terms), so its cost grows with the comment, not with the size of the lexicon.</remarks>
public sealed class ThemeLexicon
{
    private readonly ThemeDefinition[] themes;
    private readonly Dictionary<string, ThemeTerm[]>.AlternateLookup<ReadOnlySpan<char>> byFirstWord;
    private readonly Dictionary<string, ThemeTerm[]>.AlternateLookup<ReadOnlySpan<char>> byFirstPrefix;
    private readonly int[] prefixLengths;

    /// <exception cref="ArgumentException">The definitions have problems (see <see cref="Problems"/>).</exception>
    public ThemeLexicon(IEnumerable<ThemeDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        themes = [.. definitions];
        var problems = Problems(themes);
        if (problems.Count > 0)
        {
            throw new ArgumentException("The theme lexicon is not valid: " + string.Join(" ", problems), nameof(definitions));
        }
        // Terms may be missing in a bound configuration section: a theme without terms is only ever assigned by hand.
        var terms = themes.SelectMany((d, theme) => (d.Terms ?? []).Select(t => Compile(theme, t))).ToList();
        byFirstWord = Index(terms.Where(t => !t.Words[0].IsPrefix)).GetAlternateLookup<ReadOnlySpan<char>>();
        var prefixed = terms.Where(t => t.Words[0].IsPrefix).ToList();
        byFirstPrefix = Index(prefixed).GetAlternateLookup<ReadOnlySpan<char>>();
        prefixLengths = [.. prefixed.Select(t => t.Words[0].Stem.Length).Distinct().Order()];
    }

    /// <summary>The preset definitions from the Fredericia analysis (seed 003), for seeding a database and as a default.</summary>
    public static IReadOnlyList<ThemeDefinition> Presets => ThemePresets.All;

    /// <summary>A lexicon of <see cref="Presets"/>.</summary>
    public static ThemeLexicon Default { get; } = new(ThemePresets.All);

    /// <summary>The definitions, in order.</summary>
    public IReadOnlyList<ThemeDefinition> Themes => themes;

    /// <summary>What is wrong with a set of definitions, in English, one line each; empty when it can be used. For an
    /// editor to show before saving.</summary>
    public static IReadOnlyList<string> Problems(IEnumerable<ThemeDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var problems = new List<string>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in definitions)
        {
            if (d is null || string.IsNullOrWhiteSpace(d.Key))
            {
                problems.Add("A theme has no key.");
                continue;
            }
            if (!keys.Add(d.Key))
            {
                problems.Add($"The key '{d.Key}' is used by more than one theme.");
            }
            if (string.IsNullOrWhiteSpace(d.NameDa))
            {
                problems.Add($"Theme '{d.Key}' has no Danish name.");
            }
            foreach (var term in d.Terms ?? [])
            {
                if (TermProblem(term) is { } problem)
                {
                    problems.Add($"Theme '{d.Key}', term '{term}': {problem}");
                }
            }
        }
        return problems;
    }

    /// <summary>The keys of the themes found in <paramref name="text"/>, in definition order, each once.</summary>
    public IReadOnlyList<string> Classify(string? text)
    {
        var found = new bool[themes.Length];
        var any = false;
        foreach (var hit in Scan(text))
        {
            found[hit.Theme] = true;
            any = true;
        }
        return any ? [.. themes.Where((_, i) => found[i]).Select(d => d.Key)] : [];
    }

    /// <summary>Every occurrence of a term in <paramref name="text"/>, in text order: which words made a theme.</summary>
    public IReadOnlyList<ThemeHit> Find(string? text) =>
        [.. Scan(text).Select(h => new ThemeHit(themes[h.Theme].Key, h.Term, h.Start, h.Length))];

    private IEnumerable<(int Theme, string Term, int Start, int Length)> Scan(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }
        var tokens = DanishTokenizer.Tokenize(text);
        for (var i = 0; i < tokens.Count; i++)
        {
            foreach (var term in Candidates(tokens[i].Word))
            {
                if (RestMatches(tokens, i, term))
                {
                    var last = tokens[i + term.Words.Length - 1];
                    yield return (term.Theme, term.Term, tokens[i].Start, last.Start + last.Length - tokens[i].Start);
                }
            }
        }
    }

    private List<ThemeTerm> Candidates(string token)
    {
        var word = token.AsSpan();
        var candidates = new List<ThemeTerm>();
        if (byFirstWord.TryGetValue(word, out var exact))
        {
            candidates.AddRange(exact);
        }
        foreach (var ending in DanishEndings.All)
        {
            if (word.Length > ending.Length && word.EndsWith(ending, StringComparison.Ordinal)
                && byFirstWord.TryGetValue(word[..^ending.Length], out var inflected))
            {
                candidates.AddRange(inflected);
            }
        }
        foreach (var length in prefixLengths)
        {
            if (length > word.Length)
            {
                break;
            }
            if (byFirstPrefix.TryGetValue(word[..length], out var prefixed))
            {
                candidates.AddRange(prefixed);
            }
        }
        return candidates;
    }

    private static bool RestMatches(List<DanishToken> tokens, int first, ThemeTerm term)
    {
        if (first + term.Words.Length > tokens.Count)
        {
            return false;
        }
        for (var k = 1; k < term.Words.Length; k++)
        {
            var token = tokens[first + k];
            if (!token.JoinedToPrevious || !term.Words[k].Matches(token.Word))
            {
                return false;
            }
        }
        return true;
    }

    private static Dictionary<string, ThemeTerm[]> Index(IEnumerable<ThemeTerm> terms) =>
        terms.GroupBy(t => t.Words[0].Stem, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    private static string? TermProblem(string? term)
    {
        if (string.IsNullOrWhiteSpace(term))
        {
            return "it is empty.";
        }
        var tokens = DanishTokenizer.Tokenize(term, starEndsWord: true);
        if (tokens.Count == 0)
        {
            return "it has no letters or digits.";
        }
        if (tokens.Skip(1).Any(t => !t.JoinedToPrevious))
        {
            return "its words may be separated by spaces and hyphens only (a * may end a word).";
        }
        if (term.Count(c => c == '*') != tokens.Count(t => t.Star) || !StarsEndWords(term))
        {
            return "a * may only end a word.";
        }
        return null;
    }

    private static bool StarsEndWords(string term)
    {
        for (var i = term.IndexOf('*', StringComparison.Ordinal); i >= 0; i = term.IndexOf('*', i + 1))
        {
            if (i + 1 < term.Length && !(char.IsWhiteSpace(term[i + 1]) || term[i + 1] == '-'))
            {
                return false;
            }
        }
        return true;
    }

    // Only called on terms that passed TermProblem, so there is at least one word.
    private static ThemeTerm Compile(int theme, string term) =>
        new(theme, term, [.. DanishTokenizer.Tokenize(term, starEndsWord: true).Select(t => new ThemeWord(t.Word, t.Star))]);
}
