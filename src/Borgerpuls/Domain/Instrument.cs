namespace Borgerpuls.Domain;

public enum InstrumentKind
{
    /// <summary>Asks citizens.</summary>
    Citizen,

    /// <summary>Asks staff how they believe citizens experience the same questions (SPEC §3).</summary>
    Mirror,
}

/// <summary>A questionnaire (spørgeskema). Its content lives in versions; a published version never changes.</summary>
public sealed class Instrument
{
    public int Id { get; set; }
    public required string Key { get; set; }
    public LocalizedText Names { get; set; } = [];
    public InstrumentKind Kind { get; set; }

    /// <summary>For a mirror instrument: the citizen instrument it mirrors.</summary>
    public int? MirrorOfId { get; set; }
    public Instrument? MirrorOf { get; set; }

    /// <summary>For a local instrument: the core instrument whose questions come first, so core results stay comparable.</summary>
    public int? ExtendsId { get; set; }
    public Instrument? Extends { get; set; }

    /// <summary>True for the instruments shipped with Borgerpuls (SPEC §4).</summary>
    public bool IsPreset { get; set; }
    public List<InstrumentVersion> Versions { get; set; } = [];
}

public sealed class InstrumentVersion
{
    public int Id { get; set; }
    public int InstrumentId { get; set; }
    public Instrument? Instrument { get; set; }
    public int Number { get; set; }
    public DateTime? PublishedAt { get; set; }

    /// <summary>For an extending instrument: the core version this version builds on.</summary>
    public int? ExtendsVersionId { get; set; }
    public InstrumentVersion? ExtendsVersion { get; set; }

    /// <summary>Hash of the canonical content; lets configuration-as-code detect "unchanged" without a new version.</summary>
    public required string ContentHash { get; set; }
    public List<Question> Questions { get; set; } = [];

    public bool IsPublished => PublishedAt is not null;
}

public enum QuestionType
{
    Scale,
    SingleChoice,
    MultipleChoice,
    YesNo,
    FreeText,
}

/// <summary>Touchpoint (berøringspunkt) from seed 003.</summary>
public enum Touchpoint
{
    Website,
    Letters,
    Phone,
    Reception,
    Meeting,
    DigitalSelfService,
}

public sealed class Question
{
    public int Id { get; set; }
    public int InstrumentVersionId { get; set; }
    public int Position { get; set; }
    public required string Key { get; set; }
    public QuestionType Type { get; set; }
    public LocalizedText Texts { get; set; } = [];
    public int? ScaleId { get; set; }
    public Scale? Scale { get; set; }
    public string? Theme { get; set; }
    public Touchpoint? Touchpoint { get; set; }
    public bool IsOverall { get; set; }
    public bool Required { get; set; }

    /// <summary>Show this question only after one of these option codes of the previous question (kiosk follow-up).</summary>
    public string? ShowAfterKey { get; set; }
}
