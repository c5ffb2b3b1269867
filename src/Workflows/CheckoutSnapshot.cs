using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Workflows;

/// <summary>
/// A checkout as the API and operators see it: where it stands, the provider's ids, where the
/// customer pays, and every status change. The workflow returns its last snapshot as its result.
/// </summary>
public sealed record CheckoutSnapshot(
    string CheckoutId,
    string MerchantId,
    string MerchantReference,
    PaymentProvider Provider,
    Money Amount,
    PaymentStatus Status,
    bool SessionOpened,
    string? ProviderStatus,
    string? ProviderSessionId,
    string? ProviderReference,
    string? ProviderPaymentId,
    Uri? CheckoutUrl,
    CustomerAction? Action,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? CompletedAt,
    string? FailureReason,
    CheckoutFailure? CreateFailure,
    IReadOnlyList<string> ReviewNotes,
    IReadOnlyList<TimelineEntry> Timeline,
    string RequestFingerprint)
{
    public bool NeedsReview => ReviewNotes.Count > 0;
}
