using System.Security.Cryptography;
using System.Text.Json;
using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Providers.LakiPay;

/// <summary>
/// A LakiPay DEPOSIT callback whose signature verifies is authoritative. One that arrived on its
/// checkout's tokened URL but whose signature does not verify (LakiPay may render its canonical
/// string in a way nobody documented) only triggers a status lookup; so does a signed callback of
/// another shape. Without our query string, its transaction_id and reference find the checkout.
/// </summary>
public sealed class LakiPayCallbackReader : ProviderCallbackReader, IDisposable
{
    private readonly RSA? publicKey;

    public LakiPayCallbackReader(CallbackUrls urls, IOptions<LakiPayWebhookOptions> options)
        : base(urls)
    {
        if (options.Value.WebhookPublicKeyPem is { Length: > 0 } pem)
        {
            publicKey = RSA.Create();
            publicKey.ImportFromPem(pem);
        }
    }

    public override PaymentProvider Provider => PaymentProvider.LakiPay;

    public void Dispose() => publicKey?.Dispose();

    protected override CallbackVerdict ReadPayload(ProviderCallback callback, JsonElement payload) =>
        CallbackVerdict.ForCheckout(callback.CheckoutId!, EventOf(callback, payload));

    protected override CallbackVerdict ReadWithoutToken(ProviderCallback callback, JsonElement payload) =>
        BySession(callback, [Text(payload, "transaction_id"), Text(payload, "reference")], EventOf(callback, payload));

    private ProviderEvent EventOf(ProviderCallback callback, JsonElement payload)
    {
        var verified = publicKey is not null && LakiPaySignature.IsValid(payload, publicKey);
        var deposit = string.Equals(Text(payload, "event"), "DEPOSIT", StringComparison.OrdinalIgnoreCase);
        var status = Text(payload, "status") is { } raw ? LakiPayStatuses.Map.Map(raw, paidAmount: Amount(payload, "amount")) : null;
        return verified && deposit
            ? new ProviderEvent(EventIdOf(callback), true, status, Text(payload, "reference"), callback.ReceivedAt)
            : new ProviderEvent(EventIdOf(callback), false, status, null, callback.ReceivedAt);
    }
}
