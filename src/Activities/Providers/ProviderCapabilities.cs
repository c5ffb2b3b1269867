namespace CheckoutOrchestrator.Providers;

/// <summary>
/// What a provider can do. Workflows and hosts consult this instead of asking which provider
/// they are talking to.
/// </summary>
public sealed record ProviderCapabilities(
    bool StatusLookup,
    CallbackTrust Callbacks,
    CreateRetrySafety CreateRetry,
    bool ConfigurableExpiry,
    bool Cancel,
    bool ReturnsCheckoutUrl,
    bool AccountLevelWebhooks)
{
    public bool SignedCallbacks => Callbacks == CallbackTrust.Signature;

    public bool NativeIdempotency => CreateRetry == CreateRetrySafety.IdempotencyKey;
}
