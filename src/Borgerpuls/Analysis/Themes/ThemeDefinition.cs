namespace Borgerpuls.Analysis.Themes;

/// <summary>One theme of the comment lexicon, as stored, configured and edited by users.</summary>
/// <param name="Key">Stable key (e.g. <c>breve-og-sprog</c>); what comments, insights and actions refer to.</param>
/// <param name="NameDa">Danish name (authoritative).</param>
/// <param name="NameEn">English name.</param>
/// <param name="Terms">
/// Danish words and phrases; a comment with any of them gets the theme. The syntax, kept small so that staff can edit it:
/// <list type="bullet">
/// <item>Case does not matter, and æ/ae, ø/oe, å/aa (also ä, ö) are the same letter: <c>lægeerklæring</c> finds <c>laegeerklaering</c>.</item>
/// <item>A word finds itself and its Danish inflections (<c>brev</c> finds brevet, breve, brevene, brevs; <c>vente</c> finds venter,
/// ventede, ventet), but not compounds: <c>brev</c> does not find <c>brevdue</c>.</item>
/// <item>A word ending in <c>*</c> finds every word starting with it, compounds included: <c>telefon*</c> finds telefontid,
/// telefonnummeret. Danish builds compounds freely, so stems of a theme's core nouns usually want the star.</item>
/// <item>Several words find the same words in a row, separated only by spaces, line breaks or hyphens (not across
/// punctuation, so "en ny. Sagsbehandleren …" is not "ny sagsbehandler"); <c>e-boks</c> is the words e and boks.</item>
/// </list>
/// </param>
/// <param name="Questions">Keys of the questions whose scores speak to the theme (e.g. <c>breve</c> for letters), in any
/// instrument; used to check a qualitative statement against the broader picture in the data.</param>
public sealed record ThemeDefinition(string Key, string NameDa, string NameEn, IReadOnlyList<string> Terms, IReadOnlyList<string>? Questions = null);
