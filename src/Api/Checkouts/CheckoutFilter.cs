using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Api.Checkouts;

/// <summary>What GET /checkouts narrows a merchant's checkouts to. Every field is optional.</summary>
public sealed record CheckoutFilter(
    PaymentStatus? Status = null,
    PaymentProvider? Provider = null,
    string? Reference = null,
    DateTimeOffset? CreatedAfter = null,
    bool? NeedsReview = null,
    bool? LatePayment = null,
    bool? FailedOver = null);
