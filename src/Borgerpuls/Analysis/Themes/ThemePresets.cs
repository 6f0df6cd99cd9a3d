namespace Borgerpuls.Analysis.Themes;

/// <summary>The preset themes, from the Fredericia analysis of citizens' meetings with the job centre (seed 003):
/// what works and what does not, in the words citizens, citizen counsellors and staff used there. Terms avoid bare
/// words that are mostly used about something else (e.g. "forstå" alone, "modtagelse" of a letter, "i ringe grad").
/// Municipalities extend or replace them in configuration.</summary>
public static class ThemePresets
{
    public static readonly IReadOnlyList<ThemeDefinition> All =
    [
        new("breve-og-sprog", "Breve og sprog", "Letters and language",
        [
            "brev", "indkaldelse*", "e-boks", "eboks", "digital post", "uforståelig*", "svær at forstå", "svær at læse",
            "forstod ikke", "forstår ikke", "forstod det ikke", "forstår det ikke", "læsevenlig*", "letforståelig*",
            "fagsprog*", "fagbegreb*", "fagord", "kancellisprog*", "lovtekst*", "paragraf*", "sprog", "på dansk",
            "tolk*", "oversæt*", "autoritær*",
        ], Questions: ["breve", "information"]),
        new("ventetid-og-uvished", "Ventetid og uvished", "Waiting and uncertainty",
        [
            "ventetid*", "vente", "venteliste*", "uvished", "uvis", "usikker*", "tvivl*", "lang tid", "længe",
            "forsinke*", "hører ikke noget", "ikke hørt noget", "ikke hørt fra", "ingen besked", "hvad der skal ske",
            "hvad der sker", "i limbo", "hænger i luften", "på pause", "uro", "urolig*", "nervøs*", "bekymr*", "angst*",
        ], Questions: ["naeste", "svar", "fremdrift"]),
        new("sagsbehandlerskift", "Sagsbehandlerskift", "Change of caseworker",
        [
            "sagsbehandlerskift*", "ny sagsbehandler", "ny rådgiver", "ny jobkonsulent", "ny kontaktperson",
            "skifte sagsbehandler", "skifte min sagsbehandler", "skift af sagsbehandler", "skift i sagsbehandler",
            "skiftende sagsbehandler", "sagsbehandleren er skiftet", "sagsbehandleren blev skiftet", "anden sagsbehandler",
            "forskellige sagsbehandler", "flere sagsbehandler", "mange sagsbehandler", "udskiftning*", "forfra",
            "fortælle det hele igen", "forklare det hele igen", "min historie igen", "overdragelse*", "hver gang en ny",
        ], Questions: ["sammenhaeng", "loebende-kontakt"]),
        new("kontakt-og-telefon", "Kontakt og telefon", "Contact and telephone",
        [
            "telefon*", "tlf", "ringe", "ring tilbage", "opkald*", "vende tilbage", "vendte tilbage", "kontakt",
            "komme igennem", "kom ikke igennem", "svare ikke", "intet svar", "ingen svar", "svartid*", "mail",
            "e-mail*", "email*", "sms*", "besked", "omstilling*", "kontaktcent*", "få fat i", "fik fat i",
            "utilgængelig*", "henvendelse*",
        ], Questions: ["svar", "loebende-kontakt"]),
        new("respekt-og-tillid", "Respekt og tillid", "Respect and trust",
        [
            "respekt*", "tillid*", "mistillid*", "tro på mig", "tro ikke på mig", "lytte", "overhørt", "mig ikke hørt",
            "talt ned til", "talte ned til", "nedladende", "ydmyg*", "mistænk*", "kassetænkning", "en kasse", "bås",
            "anerkend*", "venlig*", "uvenlig*", "imødekommende", "øjenhøjde", "som et menneske", "som et nummer",
            "arrogant*", "uhøflig*",
        ], Questions: ["behandling", "spoerge", "hoert", "venlighed", "goer-sit-bedste"]),
        new("forberedelse", "Forberedelse", "Preparation",
        [
            "forberedt", "forberede", "forberedelse*", "uforberedt", "velforberedt", "sat sig ind i", "sætte sig ind i",
            "sat sig ordentligt ind i", "læst min sag", "læst op på", "læst mine papirer", "kende ikke min sag",
            "kende ikke til min sag", "vidste ikke noget om mig", "vidste intet om", "samme spørgsmål",
            "de samme ting igen", "kort varsel", "i god tid", "dagsorden*", "formålet med mødet",
            "hvad mødet handlede om", "hvad mødet skulle handle om",
        ], Questions: ["forberedt", "samtale"]),
        new("samarbejde-paa-tvaers", "Samarbejde på tværs", "Cooperation across services",
        [
            "samarbejd*", "på tværs", "tværfaglig*", "koordiner*", "kaste rundt", "sendt rundt", "frem og tilbage",
            "ping-pong", "snakke sammen", "snakke ikke sammen", "tale sammen", "tale ikke sammen", "afdeling*",
            "forvaltning*", "sygehus*", "hospital*", "psykiatri*", "misbrugscent*", "bostøtte*", "socialrådgiver*",
            "a-kasse*", "netværksmøde*", "rundbordssamtale*", "rehabiliteringsteam*", "sammenhæng*",
        ], Questions: ["inddrager-andre"]),
        new("laegeerklaeringer", "Lægeerklæringer", "Medical statements",
        [
            "lægeerklæring*", "erklæring*", "læge", "speciallæge*", "overlæge*", "lægekonsulent*", "lægeattest*",
            "lægefaglig*", "lægejournal*", "lægeudtalelse*", "psykolog*", "psykiater*", "attest*", "udtalelse*",
            "diagnose*", "helbred*", "sygdom*", "sygemeld*", "underkend*", "tilsidesat",
        ], Questions: ["inddrager-andre"]),
        new("rettigheder-og-klage", "Rettigheder og klage", "Rights and complaints",
        [
            "klage*", "rettighed*", "ret til", "min ret", "ankestyrelse*", "anke", "aktindsigt*", "bisidder*",
            "partsrepræsentant*", "borgerrådgiver*", "borgervejleder*", "sanktion*", "trussel", "trusler",
            "afgørelse*", "partshøring*", "notatpligt*", "referat*", "journalnotat*", "tavshedspligt*",
            "lovgivning*", "ulovlig*", "medhold",
        ], Questions: ["information"]),
        new("fysiske-rammer", "Fysiske rammer", "Physical surroundings",
        [
            "lokale*", "mødelokale*", "venteværelse*", "venteområde*", "modtagelsesområde*", "i modtagelsen",
            "reception*", "skranke*", "skilt*", "finde vej", "fandt ikke vej", "parkering*", "p-plads*", "elevator*",
            "kørestol*", "støj*", "larm*", "beskidt*", "slidt*", "indretning*", "diskretion*", "åbent rum",
            "alle kan høre", "alle kunne høre", "toilet*",
        ], Questions: []),
        new("fremdrift", "Fremdrift", "Progress",
        [
            "fremdrift*", "fremskridt*", "stå stille", "stod stille", "i stampe", "stilstand*", "gå i ring",
            "køre i ring", "sker ikke noget", "sker ingenting", "skete ikke noget", "komme videre", "kom videre",
            "hjælpe mig videre", "jobplan*", "plan", "mål", "afklaring*", "opfølgning*", "følge op", "fulgt op",
            "spild af tid", "meningsløs*", "formålsløs*", "hamsterhjul*",
        ], Questions: ["fremdrift", "bidraget", "naeste", "tydeligt-maal", "styrker", "aktiviteter-bidrager"]),
    ];
}
