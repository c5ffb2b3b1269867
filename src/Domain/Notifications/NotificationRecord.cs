using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Notifications;

/// <summary>
/// An event sent to the merchant, as the checkout shows it: where delivery stands, every attempt so far
/// (also while it is still being retried), when the next is due, and the review reason it told.
/// </summary>
public sealed record NotificationRecord(
    string EventId,
    string Type,
    DateTimeOffset CreatedAt,
    NotificationState State,
    IReadOnlyList<NotificationAttempt> Attempts,
    DateTimeOffset? DeliveredAt = null,
    string? Error = null,
    ReviewReason? Reason = null,
    DateTimeOffset? NextAttemptAt = null);
