using System.Text.Json;
using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Providers.Waftpay;

/// <summary>
/// Waftpay's validation_hash is an unkeyed SHA-256 over fields anyone can know (and needs a
/// payment_id the payload lacks), so it proves nothing: the callback triggers a status query.
/// </summary>
public sealed class WaftpayCallbackReader : ProviderCallbackReader
{
    public WaftpayCallbackReader(CallbackUrls urls)
        : base(urls)
    {
    }

    public override PaymentProvider Provider => PaymentProvider.Waftpay;

    protected override CallbackVerdict ReadPayload(ProviderCallback callback, JsonElement payload) =>
        payload.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Object
            ? Trigger(callback, Text(payload, "status") is { } status ? WaftpayStatuses.Callback.Map(status, Text(results, "result_description")) : null)
            : CallbackVerdict.Malformed("A Waftpay callback has a results object.");
}
