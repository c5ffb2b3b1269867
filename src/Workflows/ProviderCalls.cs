using Temporalio.Common;
using Temporalio.Workflows;

namespace CheckoutOrchestrator.Workflows;

/// <summary>Every provider call a workflow makes: Temporal's retry policy is the one retry layer.</summary>
public static class ProviderCalls
{
    /// <summary>
    /// The options of one provider call, with the error types it must not retry, on the provider's
    /// own task queue if it has one. A call there waits its turn under the server's rate limit, so a
    /// burst of checkouts queues for minutes rather than failing.
    /// </summary>
    public static ActivityOptions Options(IReadOnlyCollection<string> nonRetryableErrorTypes, string? taskQueue) => new()
    {
        TaskQueue = taskQueue,
        StartToCloseTimeout = TimeSpan.FromSeconds(45),
        ScheduleToCloseTimeout = taskQueue is null ? TimeSpan.FromMinutes(2) : TimeSpan.FromMinutes(15),
        RetryPolicy = new RetryPolicy
        {
            InitialInterval = TimeSpan.FromSeconds(1),
            BackoffCoefficient = 2,
            MaximumInterval = TimeSpan.FromSeconds(15),
            NonRetryableErrorTypes = nonRetryableErrorTypes,
        },
    };
}
