namespace Borgerpuls.Features.DemoData;

/// <summary>Danish comments of the kinds seed 003 describes, positive and negative.</summary>
internal static class DemoComments
{
    public static readonly string[] Negative =
    [
        "Jeg forstod ikke brevet, jeg fik i e-Boks. Alt for mange paragraffer.",
        "Jeg har fået ny sagsbehandler tre gange på et halvt år og skal forklare det hele forfra.",
        "Ventetiden i telefonen var over en time, og så blev jeg afbrudt.",
        "Jeg ved ikke, hvad der skal ske nu. Der sker ingenting i min sag.",
        "Jeg føler ikke, at jeg bliver taget alvorligt. Det er som om, de ikke tror på mig.",
        "Min sagsbehandler havde ikke læst min sag inden mødet.",
        "Jobcentret og kommunens andre afdelinger taler ikke sammen.",
        "Det tager lang tid at få en lægeerklæring, og imens står min sag stille.",
        "Jeg vidste ikke, at jeg måtte tage en bisidder med.",
        "Venteværelset er larmende og der er ingen steder at sidde i fred.",
        "Jeg fik indkaldelsen dagen før, så jeg kunne ikke nå at forberede mig.",
    ];

    public static readonly string[] Positive =
    [
        "Min sagsbehandler lyttede virkelig til mig i dag. Tak.",
        "Rigtig god samtale, nu ved jeg, hvad næste skridt er.",
        "Venlig modtagelse i receptionen og kort ventetid.",
        "Jeg har endelig fået en plan, som jeg selv har været med til at lave.",
        "Dejligt at jeg kan ringe direkte til min sagsbehandler.",
    ];
}
