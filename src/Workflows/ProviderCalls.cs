using Temporalio.Common;
using Temporalio.Workflows;

namespace CheckoutOrchestrator.Workflows;

/// <summary>Every provider call a workflow makes: Temporal's retry policy is the one retry layer.</summary>
public static class ProviderCalls
{
    /// <summary>The options of one provider call, with the error types it must not retry.</summary>
    public static ActivityOptions Options(IReadOnlyCollection<string> nonRetryableErrorTypes) => new()
    {
        StartToCloseTimeout = TimeSpan.FromSeconds(45),
        ScheduleToCloseTimeout = TimeSpan.FromMinutes(2),
        RetryPolicy = new RetryPolicy
        {
            InitialInterval = TimeSpan.FromSeconds(1),
            BackoffCoefficient = 2,
            MaximumInterval = TimeSpan.FromSeconds(15),
            NonRetryableErrorTypes = nonRetryableErrorTypes,
        },
    };
}
