using System.Text.Json;
using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Providers.Kiotapay;

/// <summary>
/// [inferred] Kiotapay documents neither the callback payload nor a signature. Any JSON posted to
/// a checkout's tokened URL triggers a status lookup; its "status", if any, is only a hint. Without
/// our query string, the ids it names (session id, checkoutRef, our externalReference) find the checkout.
/// </summary>
public sealed class KiotapayCallbackReader : ProviderCallbackReader
{
    public KiotapayCallbackReader(CallbackUrls urls)
        : base(urls)
    {
    }

    public override PaymentProvider Provider => PaymentProvider.Kiotapay;

    protected override CallbackVerdict ReadPayload(ProviderCallback callback, JsonElement payload) =>
        Trigger(callback, Hint(payload));

    protected override CallbackVerdict ReadWithoutToken(ProviderCallback callback, JsonElement payload) =>
        BySession(
            callback,
            [Text(payload, "id"), Text(payload, "checkoutSessionId"), Text(payload, "checkoutRef"), Text(payload, "externalReference"), Text(payload, "externalRef")],
            new ProviderEvent(EventIdOf(callback), false, Hint(payload), null, callback.ReceivedAt));

    private static ProviderStatus? Hint(JsonElement payload) =>
        Text(payload, "status") is { } status ? KiotapayStatuses.Map.Map(status) : null;
}
