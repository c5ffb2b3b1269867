namespace CheckoutOrchestrator.Checkouts;

/// <summary>
/// A status as a provider reported it (<see cref="Raw"/>) and what it means for us.
/// <see cref="Status"/> is null when the provider's value is not one we recognise: such a value
/// never changes a checkout, it is only recorded.
/// </summary>
public sealed record ProviderStatus(
    string Raw,
    PaymentStatus? Status,
    string? FailureReason = null,
    decimal? PaidAmount = null);
