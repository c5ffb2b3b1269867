using CheckoutOrchestrator.Notifications;
using Temporalio.Activities;

namespace CheckoutOrchestrator.Workflows.Contracts;

/// <summary>Delivering one event to the merchant's endpoint; the worker implements it over HTTP.</summary>
public interface IMerchantEventActivities
{
    /// <summary>The activity's type; its id is the event's, so a delivery still being retried can be found.</summary>
    public const string NotifyMerchantType = "NotifyMerchant";

    [Activity(NotifyMerchantType)]
    Task<IReadOnlyList<NotificationAttempt>> NotifyMerchantAsync(MerchantNotification notification);
}
