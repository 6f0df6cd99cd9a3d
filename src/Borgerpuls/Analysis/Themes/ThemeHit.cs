namespace Borgerpuls.Analysis.Themes;

/// <summary>Where a term of a theme was found: <paramref name="Start"/> and <paramref name="Length"/> index the text as
/// given when it is NFC-normalised (stored comments are), so that the words behind a theme can be highlighted.</summary>
public sealed record ThemeHit(string Key, string Term, int Start, int Length);
