using CheckoutOrchestrator.Merchants;

namespace CheckoutOrchestrator.DevHost;

/// <summary>A merchant of the dev run: its id, API key and notification secret. Dev-only values, never for production.</summary>
public sealed record DevMerchant(string Id, string ApiKey, string NotificationSecret)
{
    /// <summary>The development merchant the dev run creates and prints in its banner.</summary>
    public static DevMerchant Shop { get; } = new("dev-shop", "cok_dev_shop_development_only_key_0001", "whsec_dev_shop_development_only_secret_0001");

    /// <summary>API and worker settings: the key's hash, and events signed with the secret and sent to the simulators' inbox.</summary>
    public Dictionary<string, string?> Settings(Uri simulator) => new()
    {
        [$"{MerchantAccounts.Section}:{Id}:ApiKeySha256:0"] = ApiKeys.Hash(ApiKey),
        [$"{MerchantAccounts.Section}:{Id}:NotificationSecrets:0"] = NotificationSecret,
        [$"{MerchantAccounts.Section}:{Id}:NotificationUrl"] = new Uri(simulator, $"merchant/inbox/{Id}").AbsoluteUri,
    };
}
