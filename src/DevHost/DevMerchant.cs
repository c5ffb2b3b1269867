using CheckoutOrchestrator.Merchants;

namespace CheckoutOrchestrator.DevHost;

/// <summary>A merchant of the dev run: its id, API key and notification secret. Dev-only values, never for production.</summary>
public sealed record DevMerchant(string Id, string ApiKey, string NotificationSecret)
{
    /// <summary>Requests a minute the merchant may make; null keeps the default.</summary>
    public int? RequestsPerMinute { get; init; }

    /// <summary>The development merchant the dev run creates and prints in its banner.</summary>
    public static DevMerchant Shop { get; } = new("dev-shop", "cok_dev_shop_development_only_key_0001", "whsec_dev_shop_development_only_secret_0001");

    /// <summary>API and worker settings: the key's hash, and events signed with the secret and sent to the simulators' inbox.</summary>
    public Dictionary<string, string?> Settings(Uri simulator)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"{MerchantAccounts.Section}:{Id}:ApiKeySha256:0"] = ApiKeys.Hash(ApiKey),
            [$"{MerchantAccounts.Section}:{Id}:NotificationSecrets:0"] = NotificationSecret,
            [$"{MerchantAccounts.Section}:{Id}:NotificationUrl"] = new Uri(simulator, $"merchant/inbox/{Id}").AbsoluteUri,
        };
        if (RequestsPerMinute is { } limit)
        {
            settings[$"{MerchantAccounts.Section}:{Id}:RequestsPerMinute"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return settings;
    }
}
