namespace Borgerpuls.Analysis.Themes;

/// <summary>The preset themes, from the touchpoints and problems seed 003 (Fredericia) describes. Municipalities extend or
/// replace them in configuration (section <c>Themes</c>).</summary>
public static class ThemePresets
{
    public static readonly IReadOnlyList<ThemeDefinition> All =
    [
        new("breve-og-sprog", "Breve og sprog", "Letters and language",
            ["brev", "breve", "e-boks", "eboks", "digital post", "paragraf", "forstår ikke", "forstod ikke", "forstå", "kancellisprog", "svært sprog", "indkaldelse", "afgørelse", "læsevenlig", "tunge ord", "juridisk"]),
        new("ventetid-og-uvished", "Ventetid og uvished", "Waiting and uncertainty",
            ["vent", "ventetid", "venteværelse", "lang tid", "uvished", "ved ikke hvad", "ved ikke, hvad", "hører ikke", "ingen svar", "står stille", "sker ingenting", "forsinke"]),
        new("sagsbehandlerskift", "Sagsbehandlerskift", "Change of caseworker",
            ["ny sagsbehandler", "nye sagsbehandler", "skift af sagsbehandler", "skiftet sagsbehandler", "skifter sagsbehandler", "sagsbehandlerskift", "anden sagsbehandler", "forklare det hele forfra", "forfra", "genfortælle"]),
        new("kontakt-og-telefon", "Kontakt og telefon", "Contact and phone",
            ["telefon", "ringe", "ringer", "ringede", "telefontid", "kø", "afbrudt", "mail", "kontakt", "direkte nummer", "får ikke fat", "svarer ikke"]),
        new("respekt-og-tillid", "Respekt og tillid", "Respect and trust",
            ["respekt", "tillid", "mistillid", "taget alvorligt", "lyttede", "lytter", "hørt", "ydmyg", "mistænk", "tror ikke på mig", "tror på mig", "mistro", "nedladende", "venlig", "imødekommende"]),
        new("forberedelse", "Forberedelse", "Preparation",
            ["forbered", "læst min sag", "læst sagen", "dagen før", "kort varsel", "nå at", "uforberedt", "dagsorden"]),
        new("samarbejde-paa-tvaers", "Samarbejde på tværs", "Cooperation across",
            ["taler ikke sammen", "på tværs", "andre afdeling", "kommunens andre", "sundhedsvæsen", "læge og", "samarbejde", "koordinere", "koordinerende", "hinanden"]),
        new("laegeerklaeringer", "Lægeerklæringer", "Medical certificates",
            ["lægeerklæring", "laegeerklaering", "læge", "speciallæge", "journal", "attest", "helbred", "sygdom"]),
        new("rettigheder-og-klage", "Rettigheder og klage", "Rights and complaints",
            ["bisidder", "klage", "klagede", "ret til", "rettighed", "aktindsigt", "partshøring", "sanktion", "trukket i", "ankestyrelsen"]),
        new("fysiske-rammer", "Fysiske rammer", "Physical setting",
            ["larm", "larmende", "venteværelse", "lokale", "stole", "sidde i fred", "parkering", "adgang", "elevator", "skranke", "reception"]),
        new("fremdrift", "Fremdrift", "Progress",
            ["fremdrift", "næste skridt", "plan", "videre", "fremskridt", "mål", "står stille", "sker ingenting", "job", "uddannelse", "praktik"]),
    ];
}
