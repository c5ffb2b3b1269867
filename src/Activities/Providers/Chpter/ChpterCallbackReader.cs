using System.Text.Json;
using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Providers.Chpter;

/// <summary>
/// Chpter neither signs callbacks nor offers a status API, so a callback is believed only when it
/// arrives on its checkout's tokened URL; the workflow then checks order_id and amount.
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
        var (status, review) = ChpterOutcomeRule.Decide(
            Text(payload, "payment_status"),
            Text(payload, "paid"),
            Text(payload, "Success") ?? Text(payload, "success"),
            Text(payload, "message") ?? Text(payload, "Message"));
        var orderId = Text(payload, "order_id") ?? Text(payload, "transaction_reference");
        var paid = Amount(payload, "amount") ?? Amount(payload, "Amount");
        return CallbackVerdict.ForCheckout(
            callback.CheckoutId!,
            new ProviderEvent(EventIdOf(callback), true, status with { PaidAmount = paid }, orderId, callback.ReceivedAt, review));
    }
}
