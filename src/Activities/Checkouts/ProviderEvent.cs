namespace CheckoutOrchestrator.Checkouts;

/// <summary>
/// A provider callback as it reaches a checkout. When <see cref="IsAuthoritative"/> is false the
/// callback could not be authenticated and only tells the checkout to look the status up itself.
/// <see cref="ReviewNote"/> says why a person should look at it (e.g. the provider's fields disagree).
/// <see cref="ProviderPaymentId"/> is the provider's own id for the payment, when the callback names one.
/// </summary>
public sealed record ProviderEvent(
    string EventId,
    bool IsAuthoritative,
    ProviderStatus? Status,
    string? ProviderReference,
    DateTimeOffset ReceivedAt,
    string? ReviewNote = null,
    string? ProviderPaymentId = null)
{
    /// <summary>Whether the provider says, in words we understand, that the money moved.</summary>
    public bool ClaimsSuccess => Status?.Status == PaymentStatus.Succeeded;
}
