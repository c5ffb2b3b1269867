using CheckoutOrchestrator.DevHost;

namespace CheckoutOrchestrator.Harness;

/// <summary>What a separate-hosts run differs in: its merchants, settings on top of the dev ones, the dev server's flags.</summary>
public sealed record SeparateHostsOptions(IReadOnlyList<DevMerchant> Merchants)
{
    /// <summary>Settings both the API and the worker get (e.g. a provider's call budget, read by both).</summary>
    public IReadOnlyDictionary<string, string?> HostSettings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Settings (or DOTNET_ and other environment variables) only the worker gets.</summary>
    public IReadOnlyDictionary<string, string?> WorkerSettings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Flags for the dev server this run starts (e.g. lowered history limits); unused against a given cluster.</summary>
    public IReadOnlyList<string> TemporalArgs { get; init; } = [];
}
