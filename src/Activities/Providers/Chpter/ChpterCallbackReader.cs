using System.Text.Json;
using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Providers.Chpter;

/// <summary>
/// Chpter neither signs callbacks nor offers a status API, so a callback is believed only when it
/// arrives on its checkout's tokened URL; the workflow then checks order_id and amount. One that
/// arrives without our query string is found by its order_id but cannot be believed: it puts the
/// checkout on review, since nothing else can confirm it.
/// </summary>
public sealed class ChpterCallbackReader : ProviderCallbackReader
{
    public const string UntrustedNote =
        "Chpter called back without this checkout's token (its query string was dropped), and Chpter has no status lookup: the callback cannot be trusted. Confirm the payment in Chpter's dashboard.";

    public ChpterCallbackReader(CallbackUrls urls)
        : base(urls)
    {
    }

    public override PaymentProvider Provider => PaymentProvider.Chpter;

    protected override CallbackVerdict ReadPayload(ProviderCallback callback, JsonElement payload)
    {
        var (status, orderId, review) = Outcome(payload);
        return CallbackVerdict.ForCheckout(callback.CheckoutId!, new ProviderEvent(EventIdOf(callback), true, status, orderId, callback.ReceivedAt, review));
    }

    protected override CallbackVerdict ReadWithoutToken(ProviderCallback callback, JsonElement payload)
    {
        var (status, orderId, _) = Outcome(payload);
        return BySession(callback, [orderId], new ProviderEvent(EventIdOf(callback), false, status, orderId, callback.ReceivedAt, UntrustedNote));
    }

    private static (ProviderStatus Status, string? OrderId, string? ReviewNote) Outcome(JsonElement payload)
    {
        var (status, review) = ChpterOutcomeRule.Decide(
            Text(payload, "payment_status"),
            Text(payload, "paid"),
            Text(payload, "Success") ?? Text(payload, "success"),
            Text(payload, "message") ?? Text(payload, "Message"));
        var paid = Amount(payload, "amount") ?? Amount(payload, "Amount");
        return (status with { PaidAmount = paid }, Text(payload, "order_id") ?? Text(payload, "transaction_reference"), review);
    }
}
