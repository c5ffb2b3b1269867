using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Callbacks;

public enum CallbackVerdictKind
{
    Accepted,
    Malformed,
    Unauthenticated,
}

/// <summary>
/// What a callback reader concluded. An accepted callback names its checkout directly
/// (<see cref="CheckoutId"/>) or, for account-level webhooks, the provider ids to find it by
/// (<see cref="SessionKeys"/>).
/// </summary>
public sealed record CallbackVerdict(
    CallbackVerdictKind Kind,
    string? Reason,
    string? CheckoutId,
    IReadOnlyList<string> SessionKeys,
    ProviderEvent? Event)
{
    public static CallbackVerdict ForCheckout(string checkoutId, ProviderEvent providerEvent) =>
        new(CallbackVerdictKind.Accepted, null, checkoutId, [], providerEvent);

    public static CallbackVerdict ForSession(IReadOnlyList<string> sessionKeys, ProviderEvent providerEvent) =>
        new(CallbackVerdictKind.Accepted, null, null, sessionKeys, providerEvent);

    public static CallbackVerdict Malformed(string reason) => new(CallbackVerdictKind.Malformed, reason, null, [], null);

    public static CallbackVerdict Unauthenticated(string reason) => new(CallbackVerdictKind.Unauthenticated, reason, null, [], null);
}
