using System.Security.Cryptography;
using System.Text.Json;
using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Providers.LakiPay;

/// <summary>
/// A LakiPay DEPOSIT callback whose signature verifies is LakiPay's word. One that arrived on its
/// checkout's tokened URL but whose signature does not verify (LakiPay may render its canonical
/// string in a way nobody documented) asks for a status lookup; so does a signed callback of
/// another shape. Without a valid token, its transaction_id and reference find the checkout; it is
/// then a hint unless its signature verifies.
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
        CallbackVerdict.ForCheckout(callback.CheckoutId!, EventOf(callback, payload, tokened: true));

    protected override CallbackVerdict ReadWithoutToken(ProviderCallback callback, JsonElement payload) =>
        BySession([Text(payload, "transaction_id"), Text(payload, "reference")], EventOf(callback, payload, tokened: false));

    /// <summary>A verified DEPOSIT is LakiPay's word, tokened or not; otherwise the token decides whether LakiPay sent it at all.</summary>
    private ProviderEvent EventOf(ProviderCallback callback, JsonElement payload, bool tokened)
    {
        var verified = publicKey is not null && LakiPaySignature.IsValid(payload, publicKey);
        var deposit = string.Equals(Text(payload, "event"), "DEPOSIT", StringComparison.OrdinalIgnoreCase);
        var status = Text(payload, "status") is { } raw ? LakiPayStatuses.Map.Map(raw, paidAmount: Amount(payload, "amount")) : null;
        if (verified && deposit)
        {
            return new ProviderEvent(EventIdOf(callback), CallbackEvidence.Signature, status, Text(payload, "reference"), callback.ReceivedAt);
        }

        return tokened ? Tokened(callback, status) : Hint(callback, status);
    }
}
