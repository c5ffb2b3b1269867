using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Notifications;

/// <summary>
/// An event for a merchant, as the checkout hands it to delivery. <see cref="Url"/> is the
/// checkout's own notification URL; without it the merchant's configured URL is used.
/// </summary>
public sealed record MerchantNotification(string EventId, string Type, DateTimeOffset CreatedAt, string MerchantId, Uri? Url, CheckoutView Checkout, ReviewReason? Reason = null);
