using Microsoft.Extensions.Configuration;

namespace CheckoutOrchestrator.ServiceDefaults;

/// <summary>
/// Where the worker and the API find Temporal: section "Temporal", or the Temporal CLI's own
/// TEMPORAL_ADDRESS / TEMPORAL_NAMESPACE variables. Both hosts must agree on the task queue.
/// </summary>
public sealed record TemporalSettings(string Address, string Namespace, string TaskQueue)
{
    public const string Section = "Temporal";
    public const string DefaultAddress = "localhost:7233";
    public const string DefaultNamespace = "default";
    public const string DefaultTaskQueue = "checkouts";

    public static TemporalSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new(
            Pick(section["Address"], configuration["TEMPORAL_ADDRESS"]) ?? DefaultAddress,
            Pick(section["Namespace"], configuration["TEMPORAL_NAMESPACE"]) ?? DefaultNamespace,
            Pick(section["TaskQueue"], null) ?? DefaultTaskQueue);
    }

    /// <summary>Whether an address was given at all, i.e. an existing cluster is to be used.</summary>
    public static bool HasAddress(IConfiguration configuration) =>
        Pick(configuration[$"{Section}:Address"], configuration["TEMPORAL_ADDRESS"]) is not null;

    private static string? Pick(string? first, string? second) =>
        !string.IsNullOrWhiteSpace(first) ? first : !string.IsNullOrWhiteSpace(second) ? second : null;
}
