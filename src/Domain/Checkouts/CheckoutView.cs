using CheckoutOrchestrator.Notifications;

namespace CheckoutOrchestrator.Checkouts;

/// <summary>
/// A checkout as merchants see it: the body of GET /checkouts/{id} and of every event sent to the
/// merchant's notification endpoint. Amounts are strings, so no client reads them as floats.
/// </summary>
public sealed record CheckoutView(
    string CheckoutId,
    string MerchantId,
    string MerchantReference,
    string Provider,
    PaymentStatus Status,
    AmountView Amount,
    Uri? CheckoutUrl,
    CustomerAction? Action,
    string? ProviderSessionId,
    string? ProviderReference,
    string? ProviderPaymentId,
    string? ProviderStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? CompletedAt,
    string? FailureReason,
    bool NeedsReview,
    IReadOnlyList<ReviewNote> ReviewNotes,
    LatePaymentView? LatePayment,
    DateTimeOffset? WatchingForLatePaymentUntil,
    IReadOnlyList<NotificationRecord> Notifications,
    IReadOnlyList<TimelineEntry> Timeline,
    RoutingView? Routing = null);
