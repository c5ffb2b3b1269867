using System.Collections.Concurrent;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Workflows.Contracts;
using Temporalio.Activities;
using Temporalio.Exceptions;

namespace CheckoutOrchestrator.Tests.Workflows;

/// <summary>Stands in for the provider and merchant-notification activities when the test is about the workflow.</summary>
public sealed class FakeProviderActivities
{
    private readonly ConcurrentQueue<ProviderStatus> statuses = new();
    private readonly ConcurrentQueue<MerchantNotification> delivered = new();
    private readonly ConcurrentQueue<DateTimeOffset> lookupTimes = new();
    private readonly ConcurrentQueue<ProviderSession> lookedUp = new();
    private int lookups;
    private int merchantFailuresLeft;
    private TaskCompletionSource? heldDelivery;
    private string? heldType;
    private TaskCompletionSource? heldLookup;

    public static ProviderStatus Pending { get; } = new("PENDING", PaymentStatus.Pending);

    public Exception? CreateFailure { get; set; }

    /// <summary>For a checkout with alternatives: the one the create opened at, as the activity reports a failover.</summary>
    public PaymentProvider? OpensAt { get; set; }

    public DateTimeOffset? ProviderExpiresAt { get; set; }

    /// <summary>What a lookup answers once the queued answers are used up.</summary>
    public ProviderStatus Otherwise { get; set; } = Pending;

    /// <summary>From this (server) time on, lookups answer <see cref="Later"/>.</summary>
    public DateTimeOffset? ChangesAt { get; set; }

    public ProviderStatus? Later { get; set; }

    /// <summary>While true, every lookup fails as a provider that is down would (503 after all retries).</summary>
    public bool ProviderDown { get; set; }

    /// <summary>The session each lookup asked about, in order (e.g. which payment id it asked by).</summary>
    public IReadOnlyList<ProviderSession> LookedUp => [.. lookedUp];

    public int Lookups => lookups;

    /// <summary>Whether the held event has reached the endpoint (so the checkout has ended and time stands still).</summary>
    public bool IsHoldingDelivery { get; private set; }

    /// <summary>Whether the held lookup has been asked (and is waiting to answer).</summary>
    public bool IsHoldingLookup { get; private set; }

    /// <summary>When (server time) each lookup was made.</summary>
    public IReadOnlyList<DateTimeOffset> LookupTimes => [.. lookupTimes];

    /// <summary>Events the merchant's endpoint took, in the order it took them.</summary>
    public IReadOnlyList<MerchantNotification> Delivered => [.. delivered];

    /// <summary>The merchant's endpoint answers this status to the next deliveries.</summary>
    public int MerchantFailureStatus { get; set; } = 429;

    public void FailMerchantDeliveries(int count) => merchantFailuresLeft = count;

    /// <summary>
    /// The merchant's endpoint keeps the next event of this type waiting until released. Meanwhile
    /// the delivery activity is pending, which holds Temporal's time skipping where the checkout ended.
    /// </summary>
    public void HoldDelivery(string eventType) => (heldType, heldDelivery) = (eventType, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void ReleaseDelivery() => heldDelivery?.TrySetResult();

    /// <summary>The next lookup reads the provider, then keeps its answer until released: news can arrive meanwhile.</summary>
    public void HoldNextLookup() => heldLookup = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ReleaseLookup() => heldLookup?.TrySetResult();

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
            : Task.FromResult(new ProviderSession(input.Reference, "sess_1", "pay_1", new Uri("https://pay.example.com/sess_1"), null, ProviderExpiresAt, Pending)
                with { Provider = OpensAt, PassedOver = OpensAt is null ? null : [$"{input.Request.Provider.ToSlug()}: ProviderUnavailable HTTP 503"] });

    [Activity("NotifyMerchant")]
    public async Task<IReadOnlyList<NotificationAttempt>> NotifyMerchantAsync(MerchantNotification notification)
    {
        if (notification.Type == heldType && heldDelivery is { } held)
        {
            IsHoldingDelivery = true;
            await held.Task.WaitAsync(ActivityExecutionContext.Current.CancellationToken);
            heldType = null;
        }

        var attempt = new NotificationAttempt(ActivityExecutionContext.Current.Info.Attempt, DateTimeOffset.UtcNow, null, null);
        if (Interlocked.Decrement(ref merchantFailuresLeft) >= 0)
        {
            var failed = attempt with { HttpStatus = MerchantFailureStatus };
            var type = MerchantFailureStatus switch
            {
                410 => NotificationErrorTypes.Gone,
                >= 300 and < 400 => NotificationErrorTypes.Refused,
                _ => NotificationErrorTypes.Unavailable,
            };

            // A retry soon after, as a merchant answering 429 with a short Retry-After asks for.
            throw new ApplicationFailureException(
                $"merchant answered {MerchantFailureStatus}",
                type,
                nonRetryable: type != NotificationErrorTypes.Unavailable,
                details: [new List<NotificationAttempt> { failed }],
                nextRetryDelay: TimeSpan.FromMilliseconds(50));
        }

        delivered.Enqueue(notification);
        return [attempt with { HttpStatus = 200 }];
    }

    [Activity("GetStatus")]
    public async Task<ProviderStatus> GetStatusAsync(StatusLookupInput input)
    {
        var answer = Answer(input);
        if (heldLookup is { } held)
        {
            IsHoldingLookup = true;
            await held.Task.WaitAsync(ActivityExecutionContext.Current.CancellationToken);
            (heldLookup, IsHoldingLookup) = (null, false);
        }

        return answer;
    }

    private ProviderStatus Answer(StatusLookupInput input)
    {
        Interlocked.Increment(ref lookups);
        lookupTimes.Enqueue(ActivityExecutionContext.Current.Info.CurrentAttemptScheduledTime);
        lookedUp.Enqueue(input.Session);
        if (ProviderDown)
        {
            throw new ApplicationFailureException("kiotapay GetStatus failed (ProviderUnavailable HTTP 503)", "ProviderUnavailable", nonRetryable: true);
        }

        if (ChangesAt is { } changesAt && Later is { } later && ActivityExecutionContext.Current.Info.CurrentAttemptScheduledTime >= changesAt)
        {
            return later;
        }

        return statuses.TryDequeue(out var answer) ? answer : Otherwise;
    }
}
