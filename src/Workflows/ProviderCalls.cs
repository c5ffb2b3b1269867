using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Workflows.Rules;
using Temporalio.Common;
using Temporalio.Workflows;

namespace CheckoutOrchestrator.Workflows;

/// <summary>Every provider call a workflow makes: Temporal's retry policy is the one retry layer.</summary>
public static class ProviderCalls
{
    /// <summary>
    /// The options of one provider call, on the provider's own task queue if it has one. A call
    /// there waits its turn under the server's rate limit, so a burst of checkouts queues for
    /// minutes rather than failing. <paramref name="retryUntil"/> lets a lookup that must get an
    /// answer keep trying that long.
    /// </summary>
    public static ActivityOptions Options(string? taskQueue, IReadOnlyCollection<string>? nonRetryableErrorTypes = null, TimeSpan? retryUntil = null) => new()
    {
        TaskQueue = taskQueue,
        StartToCloseTimeout = TimeSpan.FromSeconds(45),
        ScheduleToCloseTimeout = retryUntil ?? (taskQueue is null ? TimeSpan.FromMinutes(2) : TimeSpan.FromMinutes(15)),
        RetryPolicy = new RetryPolicy
        {
            InitialInterval = TimeSpan.FromSeconds(1),
            BackoffCoefficient = 2,
            MaximumInterval = retryUntil is null ? TimeSpan.FromSeconds(15) : TimeSpan.FromMinutes(5),
            NonRetryableErrorTypes = nonRetryableErrorTypes ?? [],
        },
    };

    /// <summary>
    /// The queue of a lookup: at a provider with a call budget, the lookups' lane, or the hints' lane for
    /// one bought only by callbacks that prove nothing, so neither waits behind creates nor holds them
    /// back. Checkouts started before 1.1 (no patch marker) keep the provider's one queue.
    /// </summary>
    public static string? LookupQueue(string? providerTaskQueue, StatusLookupNeed need) =>
        providerTaskQueue is not null && Workflow.Patched("budgeted-provider-lanes")
            ? CallBudget.LaneQueue(providerTaskQueue, need.BoughtByHint ? ProviderLane.Hints : ProviderLane.Lookups)
            : providerTaskQueue;

    /// <summary>How long a lookup that must get an answer may keep trying from now (at least two minutes), or null for the usual window.</summary>
    public static TimeSpan? RetryWindow(StatusLookupNeed need, DateTimeOffset now) =>
        need.RetryUntil is { } until ? (until - now > TimeSpan.FromMinutes(2) ? until - now : TimeSpan.FromMinutes(2)) : null;

    /// <summary>
    /// The create's options. Where the provider prompts the customer on create and nothing stops a
    /// second session, an attempt cut short (a worker died mid-request) is not retried: the failure
    /// says the outcome is unknown instead. Everywhere else a lost answer is retried (see <see cref="CreateRetrySafety"/>).
    /// </summary>
    public static ActivityOptions Create(ProviderCapabilities capabilities, string? taskQueue) => Options(
        taskQueue,
        capabilities.CreateRetry == CreateRetrySafety.None ? ["TemporalTimeout:StartToClose", "TemporalTimeout:Heartbeat"] : null);
}
