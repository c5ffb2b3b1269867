using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Workflows;
using CheckoutOrchestrator.Workflows.Contracts;
using Temporalio.Client;
using Temporalio.Converters;

namespace CheckoutOrchestrator.Api.Checkouts;

/// <summary>
/// A merchant event still being retried lives in its delivery activity, not yet in the checkout: its
/// attempts so far travel in that activity's heartbeat, which a describe (free, nothing written)
/// shows. Merged into the checkout so a merchant sees, during its own outage, that and why
/// deliveries fail.
/// </summary>
public static class DeliveriesInFlight
{
    public static async Task<CheckoutSnapshot> MergeAsync(CheckoutSnapshot checkout, string workflowId, ITemporalClient client, CancellationToken cancellationToken)
    {
        if (checkout.Notifications is not { } records || !records.Any(r => r.State == NotificationState.Pending))
        {
            return checkout;
        }

        var described = await client.WorkflowService.DescribeWorkflowExecutionAsync(
            new() { Namespace = client.Options.Namespace, Execution = new() { WorkflowId = workflowId } },
            new() { CancellationToken = cancellationToken });
        var inFlight = described.PendingActivities.Where(a => a.ActivityType?.Name == IMerchantEventActivities.NotifyMerchantType).ToList();
        var converter = client.Options.DataConverter;

        var merged = new List<NotificationRecord>(records.Count);
        foreach (var record in records)
        {
            var pending = inFlight.FirstOrDefault(a => a.ActivityId == MerchantEventIds.DeliveryIdFor(checkout.CheckoutId, record.Type, record.Reason));
            if (pending is null || record.State != NotificationState.Pending)
            {
                merged.Add(record);
                continue;
            }

            var attempts = pending.HeartbeatDetails?.Payloads_.Count > 0
                ? await converter.ToValueAsync<List<NotificationAttempt>>(pending.HeartbeatDetails.Payloads_[0])
                : [];
            // Failure messages are encrypted like every payload: decoded the way the SDK reads them.
            var failure = pending.LastFailure is { } last ? await converter.ToExceptionAsync(last) : null;
            merged.Add(record with
            {
                Attempts = attempts,
                Error = failure?.Message,
                NextAttemptAt = pending.NextAttemptScheduleTime?.ToDateTimeOffset(),
            });
        }

        return checkout with { Notifications = merged };
    }
}
