namespace CheckoutOrchestrator.Providers.LakiPay;

/// <summary>What the API needs to verify LakiPay callbacks: the public key from LakiPay's dashboard.</summary>
public sealed class LakiPayWebhookOptions
{
    /// <summary>The adapter's own section: the worker reads its credentials there, the API only this key.</summary>
    public const string Section = "Providers:LakiPay";

    /// <summary>PEM public key. Without it every LakiPay callback is refused, and checkouts rely on polling.</summary>
    public string? WebhookPublicKeyPem { get; set; }
}
