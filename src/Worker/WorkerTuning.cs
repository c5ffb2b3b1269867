using System.ComponentModel.DataAnnotations;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;

namespace CheckoutOrchestrator.Worker;

/// <summary>
/// Section "Worker": how much one worker process takes on. Defaults suit a 2-core machine; raise them
/// with the cores, and add processes rather than growing one without bound.
/// </summary>
public sealed class WorkerTuning
{
    public const string Section = "Worker";

    /// <summary>Provider calls and merchant deliveries in flight at once; they mostly wait on the network.</summary>
    [Range(1, 10_000)]
    public int MaxConcurrentActivities { get; set; } = 200;

    [Range(1, 10_000)]
    public int MaxConcurrentWorkflowTasks { get; set; } = 100;

    /// <summary>Checkouts kept in memory between their tasks, so most tasks replay nothing.</summary>
    [Range(0, 1_000_000)]
    public int MaxCachedWorkflows { get; set; } = 2000;

    /// <summary>How long a stopping worker lets running activities finish; inside Kubernetes' default 30 s grace.</summary>
    public TimeSpan GracefulShutdownTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Calls per second, across every worker, for each provider with a request budget (by its slug,
    /// e.g. "adullam"), held by the Temporal server on that provider's own task queue. A provider
    /// not named here runs at its profile's rate (Adullam: 0.25/s, 900 an hour of its 1 000).
    /// </summary>
    public Dictionary<string, double> ProviderCallsPerSecond { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public double CallsPerSecondFor(ProviderProfile profile) =>
        profile.CallBudget!.RateWith(ProviderCallsPerSecond.TryGetValue(profile.Provider.ToSlug(), out var configured) ? configured : null);
}
