namespace CheckoutOrchestrator.Notifications;

public static class NotificationErrorTypes
{
    /// <summary>The merchant's endpoint answered anything but 2xx, 3xx and 410, or could not be reached for now. Retried.</summary>
    public const string Unavailable = "MerchantEndpointUnavailable";

    /// <summary>The merchant's endpoint answered a redirect, which is never followed. Not retried.</summary>
    public const string Refused = "MerchantEndpointRefused";

    /// <summary>The merchant's endpoint answered 410 Gone: no more events go to that URL. Not retried.</summary>
    public const string Gone = "MerchantEndpointGone";

    /// <summary>The URL is not one events may be sent to (an address inside the network the operator has not allowed). Not retried.</summary>
    public const string NotReached = "MerchantEndpointNotReached";

    /// <summary>Neither the checkout nor the merchant names a notification URL. Not retried.</summary>
    public const string NoEndpoint = "MerchantEndpointMissing";
}
