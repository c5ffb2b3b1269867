namespace CheckoutOrchestrator.Providers.LakiPay;

/// <summary>What the API needs to verify LakiPay callbacks: the public key from LakiPay's dashboard.</summary>
public sealed class LakiPayWebhookOptions
{
    /// <summary>PEM public key. Without it every LakiPay callback is refused, and checkouts rely on polling.</summary>
    public string? WebhookPublicKeyPem { get; set; }
}
