using Microsoft.Extensions.Configuration;

namespace CheckoutOrchestrator.ServiceDefaults;

/// <summary>
/// What the worker and the API must agree on beyond the connection (section "Temporal"): the task
/// queue of checkouts, and the queue of Adullam's activities, whose account-wide request limit the
/// Temporal server enforces on that queue for every worker at once.
/// </summary>
public sealed record TemporalSettings(string TaskQueue, string AdullamTaskQueue)
{
    public const string Section = "Temporal";
    public const string DefaultTaskQueue = "checkouts";

    public static TemporalSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var taskQueue = section["TaskQueue"] is { Length: > 0 } queue ? queue : DefaultTaskQueue;
        return new(taskQueue, section["AdullamTaskQueue"] is { Length: > 0 } adullam ? adullam : $"{taskQueue}-adullam");
    }
}
