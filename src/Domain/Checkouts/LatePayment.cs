namespace CheckoutOrchestrator.Checkouts;

/// <summary>
/// Money the provider took after the checkout had already ended (expired, cancelled or failed).
/// The checkout keeps its final status; this record is what a person acts on (fulfil or refund).
/// </summary>
public sealed record LatePayment(
    Money Amount,
    string? ProviderStatus,
    string? ProviderSessionId,
    string? ProviderPaymentId,
    string? ProviderReference,
    DateTimeOffset LearnedAt,
    StatusSource Source,
    string Evidence);
