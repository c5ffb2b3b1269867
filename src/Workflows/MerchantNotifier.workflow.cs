using System.Security.Cryptography;
using System.Text;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
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

    private static readonly ActivityOptions Delivery = new()
    {
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

    private readonly List<NotificationRecord> records = [];
    private readonly Queue<(int Index, MerchantNotification Notification)> queue = new();
    private Task delivering = Task.CompletedTask;

    public IReadOnlyList<NotificationRecord> Records => records;

    /// <summary>Events get ids derived from the checkout, so a receiver that sees one twice knows it is a retry.</summary>
    public static string EventIdFor(string checkoutId, string type, int sequence) =>
        "evt_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{checkoutId}:{type}:{sequence}")))[..24];

    public void Send(string type, CheckoutSnapshot checkout, Uri? url)
    {
        var sequence = records.Count(r => r.Type == type);
        var notification = new MerchantNotification(EventIdFor(checkout.CheckoutId, type, sequence), type, Workflow.UtcNow, checkout.MerchantId, url, checkout.ToView());
        records.Add(new NotificationRecord(notification.EventId, type, notification.CreatedAt, NotificationState.Pending, []));
        queue.Enqueue((records.Count - 1, notification));
        if (delivering.IsCompleted)
        {
            delivering = DeliverQueuedAsync();
        }
    }

    /// <summary>Completes once every event sent so far is delivered, refused, or given up on.</summary>
    public Task AllDoneAsync() => Workflow.WaitConditionAsync(() => queue.Count == 0 && delivering.IsCompleted);

    private static async Task<NotificationRecord> DeliverAsync(NotificationRecord record, MerchantNotification notification)
    {
        try
        {
            var attempts = await Workflow.ExecuteActivityAsync(
                (MerchantNotificationActivities a) => a.NotifyMerchantAsync(notification), Delivery);
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
