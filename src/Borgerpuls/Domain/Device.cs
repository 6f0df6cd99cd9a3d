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
}
