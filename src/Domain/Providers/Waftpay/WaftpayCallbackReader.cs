using System.Text.Json;
using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Providers.Waftpay;

/// <summary>
/// Waftpay's validation_hash is an unkeyed SHA-256 over fields anyone can know (and needs a
/// payment_id the payload lacks), so it proves nothing: a callback on its tokened URL is Waftpay's
/// and asks for a status query, which is asked by the newest payment_uuid such a callback named.
/// A tokened callback without "results" still asks for one. Without a valid token, its
/// transaction_reference finds the checkout, as a hint that supplies no id.
/// </summary>
public sealed class WaftpayCallbackReader : ProviderCallbackReader
{
    public WaftpayCallbackReader(CallbackUrls urls)
        : base(urls)
    {
    }

    public override PaymentProvider Provider => PaymentProvider.Waftpay;

    protected override CallbackVerdict ReadPayload(ProviderCallback callback, JsonElement payload)
    {
        var results = Results(payload);
        return CallbackVerdict.ForCheckout(
            callback.CheckoutId!,
            Tokened(
                callback,
                Claimed(payload, results),
                reference: results is { } named ? Text(named, "transaction_reference") : null,
                paymentId: results is { } paid ? Text(paid, "payment_uuid") : null));
    }

    protected override CallbackVerdict ReadWithoutToken(ProviderCallback callback, JsonElement payload) =>
        Results(payload) is { } results
            ? BySession([Text(results, "transaction_reference")], Hint(callback, Claimed(payload, results)))
            : CallbackVerdict.Malformed("A Waftpay callback without its checkout's token needs results.transaction_reference to be found by.");

    private static JsonElement? Results(JsonElement payload) =>
        payload.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Object ? results : null;

    private static ProviderStatus? Claimed(JsonElement payload, JsonElement? results) =>
        Text(payload, "status") is { } status
            ? WaftpayStatuses.Callback.Map(
                status,
                results is { } r ? Text(r, "result_description") : null,
                results is { } a ? Amount(a, "amount") : null)
            : null;
}
