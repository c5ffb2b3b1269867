using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Api.Checkouts;

/// <summary>
/// One checkout in a list: what visibility knows without reading the checkout itself. When it ended
/// is on the checkout (completedAt): the run behind it stays open for the late-payment watch.
/// </summary>
public sealed record CheckoutSummary(
    string CheckoutId,
    string MerchantReference,
    string Provider,
    PaymentStatus Status,
    DateTimeOffset CreatedAt,
    bool NeedsReview,
    bool LatePayment,
    bool FailedOver);

/// <summary>A page of checkouts; pass <see cref="NextPageToken"/> back as pageToken for the next one.</summary>
public sealed record CheckoutPage(IReadOnlyList<CheckoutSummary> Checkouts, string? NextPageToken);
