namespace Borgerpuls.Analysis.Themes;

/// <summary>One folded word of a lexicon term: matched with Danish endings, or, with a star, as a prefix.</summary>
internal readonly record struct ThemeWord(string Stem, bool IsPrefix)
{
    public bool Matches(string word) =>
        word.StartsWith(Stem, StringComparison.Ordinal)
        && (IsPrefix || word.Length == Stem.Length || DanishEndings.IsEnding(word.AsSpan(Stem.Length)));
}
