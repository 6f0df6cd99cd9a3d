namespace Borgerpuls.Analysis.Themes;

/// <summary>Inflectional endings of Danish nouns, verbs and adjectives, folded like the words (æ → ae …). A lexicon word
/// finds a text word that is the word itself plus one of these: definite and plural forms (-en, -et, -er, -erne, -ene …),
/// genitive (-s, -ens …), verb forms (-r, -de, -ede, -t, -te, -ende, -es) and comparison (-ere, -est, -este).</summary>
internal static class DanishEndings
{
    public static readonly string[] All =
    [
        "e", "en", "et", "er", "es", "s", "r", "n", "t", "ne", "de", "te", "ts", "rs", "ns",
        "ede", "ene", "ens", "ets", "ers", "ere", "nes", "rne", "nde", "est",
        "erne", "enes", "ende", "este", "rnes", "ernes",
    ];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Set =
        new HashSet<string>(All, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsEnding(ReadOnlySpan<char> rest) => Set.Contains(rest);
}
