namespace Borgerpuls.Domain;

/// <summary>A registered kiosk or tablet. Only a hash of its key is stored; the key is shown once when issued.</summary>
public sealed class Device
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public Channel Channel { get; set; } = Channel.Kiosk;
    public required string KeyHash { get; set; }
    public int SiteId { get; set; }
    public Site? Site { get; set; }
    public int? UnitId { get; set; }
    public int InstrumentId { get; set; }
    public Instrument? Instrument { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    // What the device last said about itself (its heartbeat), so staff can see a silent or failing device. Times are UTC.

    /// <summary>Server time of the last heartbeat or self-check.</summary>
    public DateTime? LastContactAt { get; set; }

    public int? LastQueued { get; set; }
    public DateTime? OldestQueuedAt { get; set; }
    public int? LastRejected { get; set; }
    public int? DeliveredToday { get; set; }

    /// <summary>The Danish calendar day <see cref="DeliveredToday"/> counts; on another day it is 0.</summary>
    public DateOnly? DeliveredOn { get; set; }

    public string? LastError { get; set; }
    public DateTime? LastErrorAt { get; set; }
}
