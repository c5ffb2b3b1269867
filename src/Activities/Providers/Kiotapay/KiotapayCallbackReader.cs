using System.Text.Json;
using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Providers.Kiotapay;

/// <summary>
/// [inferred] Kiotapay documents neither the callback payload nor a signature. Any JSON posted to
/// a checkout's tokened URL triggers a status lookup; its "status", if any, is only a hint.
/// </summary>
public sealed class KiotapayCallbackReader : ProviderCallbackReader
{
    public KiotapayCallbackReader(CallbackUrls urls)
        : base(urls)
    {
    }

    public override PaymentProvider Provider => PaymentProvider.Kiotapay;

    protected override CallbackVerdict ReadPayload(ProviderCallback callback, JsonElement payload) =>
        Trigger(callback, Text(payload, "status") is { } status ? KiotapayStatuses.Map.Map(status) : null);
}
