using System.Text.Json;
using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Providers.Chpter;

/// <summary>
/// Chpter neither signs callbacks nor offers a status API, so a callback is believed only when it
/// arrives on its checkout's tokened URL; the checkout then checks order_id and amount. One without
/// a valid token is found by its order_id but proves nothing: before the end it is listed in the
/// review the checkout ends on anyway; after the end it is listed for operators.
/// </summary>
public sealed class ChpterCallbackReader : ProviderCallbackReader
{
    public ChpterCallbackReader(CallbackUrls urls)
        : base(urls)
    {
    }

    public override PaymentProvider Provider => PaymentProvider.Chpter;

    protected override CallbackVerdict ReadPayload(ProviderCallback callback, JsonElement payload)
    {
        var (status, orderId, review) = Outcome(payload);
        return CallbackVerdict.ForCheckout(callback.CheckoutId!, Tokened(callback, status, orderId, review));
    }

    protected override CallbackVerdict ReadWithoutToken(ProviderCallback callback, JsonElement payload)
    {
        var (status, orderId, _) = Outcome(payload);
        return BySession([orderId], Hint(callback, status));
    }

    private static (ProviderStatus Status, string? OrderId, string? ReviewNote) Outcome(JsonElement payload)
    {
        var (status, review) = ChpterOutcomeRule.Decide(
            Text(payload, "payment_status"),
            Text(payload, "paid"),
            Text(payload, "Success") ?? Text(payload, "success"),
            Text(payload, "message") ?? Text(payload, "Message"),
            Text(payload, "payment_method"),
            Text(payload, "response_status") ?? Text(payload, "Status"));
        var paid = Amount(payload, "amount") ?? Amount(payload, "Amount");
        return (status with { PaidAmount = paid }, Text(payload, "order_id") ?? Text(payload, "transaction_reference"), review);
    }
}
