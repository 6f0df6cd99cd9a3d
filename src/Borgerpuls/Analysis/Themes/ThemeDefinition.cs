namespace Borgerpuls.Analysis.Themes;

/// <summary>A comment theme and the Danish terms that signal it. A term matches a word that starts with it ("brev" matches
/// "brevet", "brevene"); a term of several words matches them in sequence.</summary>
public sealed record ThemeDefinition(string Key, string NameDa, string NameEn, IReadOnlyList<string> Terms);
