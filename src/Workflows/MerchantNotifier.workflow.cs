using System.Security.Cryptography;
using System.Text;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Workflows.Contracts;
using Temporalio.Common;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace CheckoutOrchestrator.Workflows;

/// <summary>
/// Tells a checkout's merchant what happened, one event at a time and in the order it happened.
/// Each event is one activity whose retry policy keeps trying for a day; the checkout's state never
/// waits for it. Runs inside the workflow, so everything here is deterministic.
/// </summary>
public sealed class MerchantNotifier
{
    /// <summary>At least 24 hours of retries, as merchants expect from a payments platform.</summary>
    public static readonly TimeSpan DeliveryWindow = TimeSpan.FromHours(25);

    private readonly List<NotificationRecord> records = [];
    private readonly Queue<(int Index, MerchantNotification Notification)> queue = new();
    private Task delivering = Task.CompletedTask;

    public IReadOnlyList<NotificationRecord> Records => records;

    /// <summary>Nothing is waiting for delivery: the notifier can be left behind (continue-as-new).</summary>
    public bool Idle => queue.Count == 0 && delivering.IsCompleted;

    /// <summary>
    /// Events get ids derived from the checkout and what they tell (a final status, a late payment,
    /// one review reason), so a receiver that sees one twice knows it is a retry, whichever workflow sent it.
    /// </summary>
    public static string EventIdFor(string checkoutId, MerchantEventToSend merchantEvent) =>
        "evt_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{checkoutId}:{merchantEvent.Type}:{merchantEvent.Reason}")))[..24];

    public void Send(MerchantEventToSend merchantEvent, CheckoutSnapshot checkout)
    {
        var notification = new MerchantNotification(
            EventIdFor(checkout.CheckoutId, merchantEvent), merchantEvent.Type, Workflow.UtcNow, checkout.MerchantId, checkout.NotificationUrl, checkout.ToView(), merchantEvent.Reason);
        records.Add(new NotificationRecord(notification.EventId, merchantEvent.Type, notification.CreatedAt, NotificationState.Pending, [], Reason: merchantEvent.Reason));
        queue.Enqueue((records.Count - 1, notification));
        if (delivering.IsCompleted)
        {
            delivering = DeliverQueuedAsync();
        }
    }

    /// <summary>Completes once every event sent so far is delivered, refused, or given up on.</summary>
    public Task AllDoneAsync() => Workflow.WaitConditionAsync(() => Idle);

    private static ActivityOptions Delivery(string eventId) => new()
    {
        ActivityId = eventId,
        StartToCloseTimeout = TimeSpan.FromSeconds(30),
        ScheduleToCloseTimeout = DeliveryWindow,
        RetryPolicy = new RetryPolicy
        {
            InitialInterval = TimeSpan.FromSeconds(10),
            BackoffCoefficient = 2,
            MaximumInterval = TimeSpan.FromHours(1),
            NonRetryableErrorTypes = [NotificationErrorTypes.Refused, NotificationErrorTypes.NoEndpoint],
        },
    };

    private static async Task<NotificationRecord> DeliverAsync(NotificationRecord record, MerchantNotification notification)
    {
        try
        {
            // The activity id is the event id, so the API finds a delivery still being retried and shows its attempts.
            var attempts = await Workflow.ExecuteActivityAsync(
                (IMerchantEventActivities a) => a.NotifyMerchantAsync(notification), Delivery(notification.EventId));
            return record with { State = NotificationState.Delivered, Attempts = attempts, DeliveredAt = attempts[^1].At };
        }
        catch (ActivityFailureException failure)
        {
            return failure.InnerException switch
            {
                ApplicationFailureException { ErrorType: NotificationErrorTypes.Refused or NotificationErrorTypes.NoEndpoint } refused =>
                    record with { State = NotificationState.Refused, Attempts = AttemptsIn(refused.Details), Error = refused.Message },
                ApplicationFailureException gaveUp =>
                    record with { State = NotificationState.GaveUp, Attempts = AttemptsIn(gaveUp.Details), Error = gaveUp.Message },
                TimeoutFailureException timeout =>
                    record with { State = NotificationState.GaveUp, Attempts = AttemptsIn(timeout.LastHeartbeatDetails), Error = timeout.Message },
                var other => record with { State = NotificationState.GaveUp, Error = other?.Message ?? failure.Message },
            };
        }
    }

    private static List<NotificationAttempt> AttemptsIn(IFailureDetails? details) =>
        details is { Count: > 0 } ? details.ElementAt<List<NotificationAttempt>>(0) : [];

    private async Task DeliverQueuedAsync()
    {
        while (queue.TryDequeue(out var next))
        {
            records[next.Index] = await DeliverAsync(records[next.Index], next.Notification);
        }
    }
}
