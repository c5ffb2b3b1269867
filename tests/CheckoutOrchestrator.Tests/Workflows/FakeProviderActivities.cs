using System.Collections.Concurrent;
using CheckoutOrchestrator.Activities;
using CheckoutOrchestrator.Checkouts;
using Temporalio.Activities;

namespace CheckoutOrchestrator.Tests.Workflows;

/// <summary>Stands in for the provider activities when the test is about the workflow.</summary>
public sealed class FakeProviderActivities
{
    private readonly ConcurrentQueue<ProviderStatus> statuses = new();
    private int lookups;

    public static ProviderStatus Pending { get; } = new("PENDING", PaymentStatus.Pending);

    public Exception? CreateFailure { get; set; }

    public DateTimeOffset? ProviderExpiresAt { get; set; }

    /// <summary>What a lookup answers once the queued answers are used up.</summary>
    public ProviderStatus Otherwise { get; set; } = Pending;

    /// <summary>From this (server) time on, lookups answer <see cref="Later"/>.</summary>
    public DateTimeOffset? ChangesAt { get; set; }

    public ProviderStatus? Later { get; set; }

    public int Lookups => lookups;

    public void AnswerLookups(params ProviderStatus[] answers)
    {
        foreach (var answer in answers)
        {
            statuses.Enqueue(answer);
        }
    }

    [Activity("CreateSession")]
    public Task<ProviderSession> CreateSessionAsync(CreateSessionInput input) =>
        CreateFailure is { } failure
            ? throw failure
            : Task.FromResult(new ProviderSession(input.CheckoutId, "sess_1", "pay_1", new Uri("https://pay.example.com/sess_1"), null, ProviderExpiresAt, Pending));

    [Activity("GetStatus")]
    public Task<ProviderStatus> GetStatusAsync(StatusLookupInput input)
    {
        Interlocked.Increment(ref lookups);
        if (ChangesAt is { } changesAt && Later is { } later && ActivityExecutionContext.Current.Info.CurrentAttemptScheduledTime >= changesAt)
        {
            return Task.FromResult(later);
        }

        return Task.FromResult(statuses.TryDequeue(out var answer) ? answer : Otherwise);
    }
}
