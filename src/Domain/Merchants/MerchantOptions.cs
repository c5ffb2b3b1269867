namespace CheckoutOrchestrator.Merchants;

/// <summary>One merchant's settings (section Merchants:{merchantId}). Only hashes of API keys are kept.</summary>
public sealed class MerchantOptions
{
    /// <summary>SHA-256 (lower-case hex) of each active API key: one, or two while a key is rotated.</summary>
    public List<string> ApiKeySha256 { get; set; } = [];

    /// <summary>Where the merchant's events go unless a checkout names its own URL.</summary>
    public Uri? NotificationUrl { get; set; }

    /// <summary>Secrets events are signed with; while a secret is rotated both sign (two v1 signatures).</summary>
    public List<string> NotificationSecrets { get; set; } = [];

    /// <summary>Requests a minute the merchant's backend may make to the API.</summary>
    public int RequestsPerMinute { get; set; } = 600;
}
