namespace CheckoutOrchestrator.Checkouts;

/// <summary>
/// A provider callback as it reaches a checkout, with how far it can be believed
/// (<see cref="Evidence"/>). <see cref="ReviewNote"/> says why a person should look at it (e.g. the
/// provider's fields disagree); <see cref="ProviderPaymentId"/> is the provider's own id for the
/// payment, when the callback names one.
/// </summary>
public sealed record ProviderEvent(
    string EventId,
    CallbackEvidence Evidence,
    ProviderStatus? Status,
    string? ProviderReference,
    DateTimeOffset ReceivedAt,
    string? ReviewNote = null,
    string? ProviderPaymentId = null)
{
    /// <summary>Longest provider status text a hint carries: nobody outside can grow a history with it.</summary>
    public const int MaxHintStatusLength = 64;

    /// <summary>Whether the provider says, in words we understand, that the money moved.</summary>
    public bool ClaimsSuccess => Status?.Status == PaymentStatus.Succeeded;

    public bool IsHint => Evidence == CallbackEvidence.Hint;

    /// <summary>
    /// Whether a callback whose word needs a lookup is worth one: it claims a final status, or one we
    /// cannot read. Progress alone buys none (the next poll, or the final callback's lookup, says more).
    /// </summary>
    public bool WorthALookup => Status?.Status is not { } claimed || claimed.IsTerminal();

    /// <summary>
    /// What of an unauthenticated callback reaches a checkout: the status it claims, in a few
    /// characters, and nothing a lookup could trust (no reference, no payment id, no note).
    /// </summary>
    public ProviderEvent AsHint() => new(
        EventId,
        CallbackEvidence.Hint,
        Status is { } status ? new ProviderStatus(Shorten(status.Raw), status.Status) : null,
        null,
        ReceivedAt);

    private static string Shorten(string raw) => raw.Length <= MaxHintStatusLength ? raw : raw[..MaxHintStatusLength];
}
