namespace Borgerpuls.Analysis.Themes;

/// <summary>A word of a text, folded for matching (lower case, æ → ae, ø → oe, å → aa, accents and apostrophes removed).</summary>
/// <param name="Word">The folded word.</param>
/// <param name="Start">Index of its first character in the (NFC) text.</param>
/// <param name="Length">Characters it spans in the text.</param>
/// <param name="JoinedToPrevious">Only whitespace or hyphens lie between it and the previous word, so a phrase may continue.</param>
/// <param name="Star">Directly followed by <c>*</c> (only read when parsing lexicon terms).</param>
internal readonly record struct DanishToken(string Word, int Start, int Length, bool JoinedToPrevious, bool Star);
