namespace CheckoutOrchestrator.Providers;

/// <summary>
/// What a provider can do. Workflows and hosts consult this instead of asking which provider
/// they are talking to. <see cref="LookupFindsUnpaidSessions"/> says the status lookup knows a
/// session before anyone pays (Waftpay's query knows only transactions), so a lookup that cannot
/// find the session is a sign something is wrong.
/// </summary>
public sealed record ProviderCapabilities(
    bool StatusLookup,
    CallbackTrust Callbacks,
    CreateRetrySafety CreateRetry,
    bool ConfigurableExpiry,
    bool Cancel,
    bool ReturnsCheckoutUrl,
    bool AccountLevelWebhooks,
    bool LookupFindsUnpaidSessions = true)
{
    public bool SignedCallbacks => Callbacks == CallbackTrust.Signature;

    public bool NativeIdempotency => CreateRetry == CreateRetrySafety.IdempotencyKey;
}
