namespace Borgerpuls.Domain;

/// <summary>A municipality (kommune): the tenant. Organisation keys are unique within it.</summary>
public sealed class Municipality
{
    public int Id { get; set; }
    public required string Key { get; set; }
    public required string Name { get; set; }

    /// <summary>Takes part in the cross-municipal benchmark: its figures count towards the other opted-in municipalities'
    /// average, and it sees that average beside its own. Off unless an administrator turns it on (docs/cross-municipal.md).</summary>
    public bool Benchmark { get; set; }
    public List<JobCentre> JobCentres { get; set; } = [];
}

/// <summary>A job centre (jobcenter).</summary>
public sealed class JobCentre : IRetirable
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public Municipality? Municipality { get; set; }
    public required string Key { get; set; }
    public required string Name { get; set; }

    /// <summary>When it was retired: no longer offered for new work, still valid for the data that names it.</summary>
    public DateTime? RetiredAt { get; set; }
    public List<Site> Sites { get; set; } = [];
}

/// <summary>An address or department (adresse/afdeling), e.g. "Sjællandsgade".</summary>
public sealed class Site : IRetirable
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int JobCentreId { get; set; }
    public JobCentre? JobCentre { get; set; }
    public required string Key { get; set; }
    public required string Name { get; set; }

    /// <summary>When it was retired: no longer offered for new work, still valid for the data that names it.</summary>
    public DateTime? RetiredAt { get; set; }

    /// <summary>Presses on one kiosk closer together than this are flagged as repeats (SPEC §5).</summary>
    public int KioskRepeatWindowSeconds { get; set; } = 5;
    public List<Unit> Units { get; set; } = [];
}

/// <summary>A team (team) within a site.</summary>
public sealed class Unit : IRetirable
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int SiteId { get; set; }
    public Site? Site { get; set; }
    public required string Key { get; set; }
    public required string Name { get; set; }

    /// <summary>When it was retired: no longer offered for new work, still valid for the data that names it.</summary>
    public DateTime? RetiredAt { get; set; }
}

/// <summary>An activation offer or external provider (tilbud) a response can be about.</summary>
public sealed class Offer : IRetirable
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string Key { get; set; }
    public required string Name { get; set; }

    /// <summary>When it was retired: no longer offered for new work, still valid for the data that names it.</summary>
    public DateTime? RetiredAt { get; set; }
    public string? Provider { get; set; }
}
