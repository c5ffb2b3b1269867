namespace CheckoutOrchestrator.Notifications;

/// <summary>An event sent to the merchant, as the checkout shows it: where delivery stands and every attempt.</summary>
public sealed record NotificationRecord(
    string EventId,
    string Type,
    DateTimeOffset CreatedAt,
    NotificationState State,
    IReadOnlyList<NotificationAttempt> Attempts,
    DateTimeOffset? DeliveredAt = null,
    string? Error = null);
