using System.Security.Cryptography;
using System.Text.Json;
using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Providers.LakiPay;

/// <summary>
/// A LakiPay callback whose signature verifies is authoritative. The documented payment event is
/// DEPOSIT; a signed callback of another shape only triggers a lookup.
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

    protected override CallbackVerdict ReadPayload(ProviderCallback callback, JsonElement payload)
    {
        if (publicKey is null)
        {
            return CallbackVerdict.Unauthenticated("No LakiPay webhook public key is configured.");
        }

        if (!LakiPaySignature.IsValid(payload, publicKey))
        {
            return CallbackVerdict.Unauthenticated("The LakiPay signature does not verify.");
        }

        if (!string.Equals(Text(payload, "event"), "DEPOSIT", StringComparison.OrdinalIgnoreCase))
        {
            return Trigger(callback, null);
        }

        var status = LakiPayStatuses.Map.Map(Text(payload, "status"), paidAmount: Amount(payload, "amount"));
        return CallbackVerdict.ForCheckout(
            callback.CheckoutId!,
            new ProviderEvent(EventIdOf(callback), true, status, Text(payload, "reference"), callback.ReceivedAt));
    }
}
