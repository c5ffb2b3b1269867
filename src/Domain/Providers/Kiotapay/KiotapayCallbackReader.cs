using System.Text.Json;
using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Providers.Kiotapay;

/// <summary>
/// [inferred] Kiotapay documents neither the callback payload nor a signature. Any JSON posted to a
/// checkout's tokened URL is the provider's and asks for a status lookup; its "status", if any, is
/// what it claims. Without a valid token, the ids it names (session id, checkoutRef, our
/// externalReference) find the checkout, as a hint.
/// </summary>
public sealed class KiotapayCallbackReader : ProviderCallbackReader
{
    public KiotapayCallbackReader(CallbackUrls urls)
        : base(urls)
    {
    }

    public override PaymentProvider Provider => PaymentProvider.Kiotapay;

    protected override CallbackVerdict ReadPayload(ProviderCallback callback, JsonElement payload) =>
        CallbackVerdict.ForCheckout(callback.CheckoutId!, Tokened(callback, Claimed(payload)));

    protected override CallbackVerdict ReadWithoutToken(ProviderCallback callback, JsonElement payload) =>
        BySession(
            [Text(payload, "id"), Text(payload, "checkoutSessionId"), Text(payload, "checkoutRef"), Text(payload, "externalReference"), Text(payload, "externalRef")],
            Hint(callback, Claimed(payload)));

    private static ProviderStatus? Claimed(JsonElement payload) =>
        Text(payload, "status") is { } status ? KiotapayStatuses.Map.Map(status) : null;
}
