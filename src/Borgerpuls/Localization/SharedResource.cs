namespace Borgerpuls.Localization;

/// <summary>Marker for the shared UI texts in SharedResource.da.resx / SharedResource.en.resx.</summary>
public sealed class SharedResource;
