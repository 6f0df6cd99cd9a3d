namespace Borgerpuls.Features.DeviceHealth;

/// <summary>A device's health in one word, for staff: the worst thing first.</summary>
public enum DeviceState
{
    Ok,
    Failing,
    Silent,
    NeverSeen,
    Blocked,
}

public static class DeviceStates
{
    /// <summary>Revoked → blocked; no contact ever → never seen; no contact for more than the allowed opening time → silent;
    /// the last heartbeat reports an error while answers wait in its queue → failing; else OK.</summary>
    public static DeviceState Of(bool revoked, DateTimeOffset? lastContact, int? queued, string? lastError, OpeningHours hours, DateTimeOffset now)
    {
        if (revoked) return DeviceState.Blocked;
        if (lastContact is not { } contact) return DeviceState.NeverSeen;
        if (hours.OpenBetween(contact, now) > hours.SilentAfter) return DeviceState.Silent;
        if (!string.IsNullOrEmpty(lastError) && queued > 0) return DeviceState.Failing;
        return DeviceState.Ok;
    }

    public static string ResourceKey(DeviceState state) => "Devices.State." + state;
}
