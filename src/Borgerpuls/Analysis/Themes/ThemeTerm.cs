namespace Borgerpuls.Analysis.Themes;

/// <summary>A lexicon term compiled for matching: the theme it belongs to (index in definition order), the term as
/// written, and its folded words.</summary>
internal sealed record ThemeTerm(int Theme, string Term, ThemeWord[] Words);
