namespace Borgerpuls.Features.DemoData;

public sealed record DemoDataOptions(long Responses, int Seed = 2026, int BatchSize = 5_000, DateOnly? EndsOn = null);
