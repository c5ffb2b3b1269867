using CheckoutOrchestrator.Notifications;
using Temporalio.Workflows;

namespace CheckoutOrchestrator.Workflows;

/// <summary>
/// Sends one merchant event again, on the merchant's request (POST /events/{id}/redeliver): the same
/// id, type and time, a fresh signature, retried on the schedule of every event. Its own workflow,
/// so a checkout's history (running or closed) is never touched by a merchant's request.
/// </summary>
[Workflow("MerchantEventRedelivery")]
public sealed class MerchantEventRedeliveryWorkflow
{
    private readonly MerchantNotifier notifier = new();

    /// <summary>One redelivery of an event at a time: its workflow id.</summary>
    public static string IdFor(string eventId) => $"{eventId}-redelivery";

    [WorkflowRun]
    public async Task<NotificationRecord> RunAsync(MerchantNotification notification)
    {
        notifier.Resend(notification);
        await notifier.AllDoneAsync();
        return notifier.Records[0];
    }
}
