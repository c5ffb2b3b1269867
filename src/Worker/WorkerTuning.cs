using System.ComponentModel.DataAnnotations;

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
    /// Adullam calls per second, across every worker, held by the Temporal server on Adullam's task
    /// queue. Its documents allow 100 requests a minute and 1000 an hour; 0.25/s is 900 an hour,
    /// leaving room for token logins and the odd multi-page lookup.
    /// </summary>
    [Range(0.001, 1000)]
    public double AdullamActivitiesPerSecond { get; set; } = 0.25;
}
