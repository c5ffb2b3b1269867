namespace CheckoutOrchestrator.Checkouts;

/// <summary>
/// A provider callback as it reaches a checkout. When <see cref="IsAuthoritative"/> is false the
/// callback could not be authenticated and only tells the checkout to look the status up itself.
/// </summary>
public sealed record ProviderEvent(
    string EventId,
    bool IsAuthoritative,
    ProviderStatus? Status,
    string? ProviderReference,
    DateTimeOffset ReceivedAt);
