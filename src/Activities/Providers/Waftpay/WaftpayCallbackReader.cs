using System.Text.Json;
using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Providers.Waftpay;

/// <summary>
/// Waftpay's validation_hash is an unkeyed SHA-256 over fields anyone can know (and needs a
/// payment_id the payload lacks), so it proves nothing: the callback triggers a status query. It
/// names Waftpay's payment_uuid, which the query knows for certain (our reference it may not).
/// Without our query string, its transaction_reference finds the checkout.
/// </summary>
public sealed class WaftpayCallbackReader : ProviderCallbackReader
{
    public WaftpayCallbackReader(CallbackUrls urls)
        : base(urls)
    {
    }

    public override PaymentProvider Provider => PaymentProvider.Waftpay;

    protected override CallbackVerdict ReadPayload(ProviderCallback callback, JsonElement payload) =>
        Results(payload) is { } results
            ? CallbackVerdict.ForCheckout(callback.CheckoutId!, EventOf(callback, payload, results))
            : CallbackVerdict.Malformed("A Waftpay callback has a results object.");

    protected override CallbackVerdict ReadWithoutToken(ProviderCallback callback, JsonElement payload) =>
        Results(payload) is { } results
            ? BySession(callback, [Text(results, "transaction_reference")], EventOf(callback, payload, results))
            : CallbackVerdict.Malformed("A Waftpay callback has a results object.");

    private static JsonElement? Results(JsonElement payload) =>
        payload.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Object ? results : null;

    private static ProviderEvent EventOf(ProviderCallback callback, JsonElement payload, JsonElement results)
    {
        var hint = Text(payload, "status") is { } status
            ? WaftpayStatuses.Callback.Map(status, Text(results, "result_description"), Amount(results, "amount"))
            : null;
        return new ProviderEvent(EventIdOf(callback), false, hint, null, callback.ReceivedAt, ProviderPaymentId: Text(results, "payment_uuid"));
    }
}
