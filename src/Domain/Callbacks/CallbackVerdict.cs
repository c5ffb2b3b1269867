using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Callbacks;

public enum CallbackVerdictKind
{
    Accepted,
    Malformed,
    Unauthenticated,
}

/// <summary>
/// What a callback reader concluded. An accepted callback names its checkout directly, through our
/// token (<see cref="CheckoutId"/>), or only the provider's ids to find it by (<see cref="SessionKeys"/>);
/// then its event is at most a hint unless a provider signature verified. <see cref="Suspicion"/>
/// says why the callback is a security event (a wrong token) even where it is still read as a hint.
/// </summary>
public sealed record CallbackVerdict(
    CallbackVerdictKind Kind,
    string? Reason,
    string? CheckoutId,
    IReadOnlyList<string> SessionKeys,
    ProviderEvent? Event,
    string? Suspicion = null)
{
    public static CallbackVerdict ForCheckout(string checkoutId, ProviderEvent providerEvent) =>
        new(CallbackVerdictKind.Accepted, null, checkoutId, [], providerEvent);

    public static CallbackVerdict ForSession(IReadOnlyList<string> sessionKeys, ProviderEvent providerEvent) =>
        new(CallbackVerdictKind.Accepted, null, null, sessionKeys, providerEvent);

    public static CallbackVerdict Malformed(string reason) => new(CallbackVerdictKind.Malformed, reason, null, [], null);

    public static CallbackVerdict Unauthenticated(string reason) => new(CallbackVerdictKind.Unauthenticated, reason, null, [], null);
}
