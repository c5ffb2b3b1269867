namespace CheckoutOrchestrator.Validation;

/// <summary>The JSON paths of a checkout request, as callers of the API write them.</summary>
public static class CheckoutFields
{
    public const string MerchantId = "merchantId";
    public const string MerchantReference = "merchantReference";
    public const string Provider = "provider";
    public const string Amount = "amount";
    public const string Currency = "currency";
    public const string Description = "description";
    public const string CustomerName = "customer.name";
    public const string CustomerPhone = "customer.phone";
    public const string CustomerEmail = "customer.email";
    public const string RedirectSuccess = "redirectUrls.success";
    public const string RedirectFailure = "redirectUrls.failure";
    public const string RedirectCancel = "redirectUrls.cancel";
    public const string RedirectPending = "redirectUrls.pending";
    public const string AllowedMethods = "allowedMethods";
    public const string ExpiresInSeconds = "expiresInSeconds";
    public const string NotificationUrl = "notificationUrl";
    public const string Providers = "providers";
}
