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
    private readonly HashSet<string> goneDestinations = new(StringComparer.Ordinal);
    private readonly Queue<(int Index, MerchantNotification Notification, string DeliveryId)> queue = new();
    private readonly bool eventIdsNameCheckout;
    private Task delivering = Task.CompletedTask;

    public MerchantNotifier(bool eventIdsNameCheckout = false) => this.eventIdsNameCheckout = eventIdsNameCheckout;

    public IReadOnlyList<NotificationRecord> Records => records;

    /// <summary>Nothing is waiting for delivery: the notifier can be left behind (continue-as-new).</summary>
    public bool Idle => queue.Count == 0 && delivering.IsCompleted;

    public void Send(MerchantEventToSend merchantEvent, CheckoutSnapshot checkout)
    {
        var eventId = eventIdsNameCheckout
            ? MerchantEventIds.For(checkout.CheckoutId, merchantEvent.Type, merchantEvent.Reason)
            : MerchantEventIds.DeliveryIdFor(checkout.CheckoutId, merchantEvent.Type, merchantEvent.Reason);
        var notification = new MerchantNotification(
            eventId, merchantEvent.Type, Workflow.UtcNow, checkout.MerchantId, checkout.NotificationUrl, checkout.ToView(), merchantEvent.Reason);
        records.Add(new NotificationRecord(notification.EventId, merchantEvent.Type, notification.CreatedAt, NotificationState.Pending, [], Reason: merchantEvent.Reason));
        queue.Enqueue((records.Count - 1, notification, MerchantEventIds.DeliveryIdFor(checkout.CheckoutId, merchantEvent.Type, merchantEvent.Reason)));
        if (delivering.IsCompleted)
        {
            delivering = DeliverQueuedAsync();
        }
    }

    /// <summary>Sends an event told before once more, as it was (its id, type and time), with a fresh signature.</summary>
    public void Resend(MerchantNotification notification)
    {
        records.Add(new NotificationRecord(notification.EventId, notification.Type, notification.CreatedAt, NotificationState.Pending, [], Reason: notification.Reason));
        queue.Enqueue((records.Count - 1, notification, notification.EventId));
        if (delivering.IsCompleted)
        {
            delivering = DeliverQueuedAsync();
        }
    }

    /// <summary>Completes once every event sent so far is delivered, refused, or given up on.</summary>
    public Task AllDoneAsync() => Workflow.WaitConditionAsync(() => Idle);

    private static ActivityOptions Delivery(string deliveryId) => new()
    {
        ActivityId = deliveryId,
        StartToCloseTimeout = TimeSpan.FromSeconds(30),
        ScheduleToCloseTimeout = DeliveryWindow,
        RetryPolicy = new RetryPolicy
        {
            InitialInterval = TimeSpan.FromSeconds(10),
            BackoffCoefficient = 2,
            MaximumInterval = TimeSpan.FromHours(1),
            NonRetryableErrorTypes = [NotificationErrorTypes.Refused, NotificationErrorTypes.NoEndpoint, NotificationErrorTypes.Gone, NotificationErrorTypes.NotReached],
        },
    };

    private static async Task<NotificationRecord> DeliverAsync(NotificationRecord record, MerchantNotification notification, string deliveryId)
    {
        try
        {
            // The activity id derives from the event, so the API finds a delivery still being retried and shows its attempts.
            var attempts = await Workflow.ExecuteActivityAsync(
                (IMerchantEventActivities a) => a.NotifyMerchantAsync(notification), Delivery(deliveryId));
            return record with { State = NotificationState.Delivered, Attempts = attempts, DeliveredAt = attempts[^1].At };
        }
        catch (ActivityFailureException failure)
        {
            return failure.InnerException switch
            {
                ApplicationFailureException { ErrorType: NotificationErrorTypes.Refused } refused =>
                    record with { State = NotificationState.Refused, Attempts = AttemptsIn(refused.Details), Error = refused.Message },
                ApplicationFailureException { ErrorType: NotificationErrorTypes.Gone } gone =>
                    record with { State = NotificationState.Gone, Attempts = AttemptsIn(gone.Details), Error = gone.Message },
                ApplicationFailureException { ErrorType: NotificationErrorTypes.NoEndpoint or NotificationErrorTypes.NotReached } notSent =>
                    record with { State = NotificationState.Undeliverable, Attempts = AttemptsIn(notSent.Details), Error = notSent.Message },
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

    /// <summary>
    /// Delivers one event after another. Once an endpoint answered 410 Gone, later events of this
    /// checkout are not sent there (only a 1.1 activity answers so: no recorded history meets this).
    /// </summary>
    private async Task DeliverQueuedAsync()
    {
        while (queue.TryDequeue(out var next))
        {
            var destination = next.Notification.Url?.AbsoluteUri ?? "the merchant's notification URL";
            if (goneDestinations.Contains(destination))
            {
                records[next.Index] = records[next.Index] with
                {
                    State = NotificationState.Gone,
                    Error = $"Not sent: {destination} answered 410 Gone to an earlier event. Fix the URL, then redeliver.",
                };
                continue;
            }

            records[next.Index] = await DeliverAsync(records[next.Index], next.Notification, next.DeliveryId);
            if (records[next.Index].State == NotificationState.Gone)
            {
                goneDestinations.Add(destination);
            }
        }
    }
}
