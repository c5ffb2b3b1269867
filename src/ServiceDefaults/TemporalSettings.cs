using Microsoft.Extensions.Configuration;

namespace CheckoutOrchestrator.ServiceDefaults;

/// <summary>
/// What the worker and the API must agree on beyond the connection (section "Temporal"): the task
/// queue of checkouts. A provider with a request budget runs its calls on "&lt;TaskQueue&gt;-&lt;provider&gt;".
/// </summary>
public sealed record TemporalSettings(string TaskQueue)
{
    public const string Section = "Temporal";
    public const string DefaultTaskQueue = "checkouts";

    public static TemporalSettings From(IConfiguration configuration) =>
        new(configuration.GetSection(Section)["TaskQueue"] is { Length: > 0 } queue ? queue : DefaultTaskQueue);
}
