namespace CheckoutOrchestrator.Notifications;

public static class NotificationErrorTypes
{
    /// <summary>The merchant's endpoint answered 5xx, 3xx, 408 or 429, or did not answer. Retried.</summary>
    public const string Unavailable = "MerchantEndpointUnavailable";

    /// <summary>The merchant's endpoint answered a 4xx that retrying cannot fix. Not retried.</summary>
    public const string Refused = "MerchantEndpointRefused";

    /// <summary>Neither the checkout nor the merchant names a notification URL. Not retried.</summary>
    public const string NoEndpoint = "MerchantEndpointMissing";
}
