namespace CheckoutOrchestrator.Merchants;

/// <summary>Where events may be posted: absolute https URLs without credentials (http only where an operator allows it).</summary>
public static class NotificationUrls
{
    public static bool IsAcceptable(Uri url, bool allowPlainHttp) =>
        url.IsAbsoluteUri
        && (url.Scheme == Uri.UriSchemeHttps || (allowPlainHttp && url.Scheme == Uri.UriSchemeHttp))
        && string.IsNullOrEmpty(url.UserInfo);

    public static string Rule(bool allowPlainHttp) =>
        allowPlainHttp ? "Must be an absolute http or https URL without credentials." : "Must be an absolute https URL without credentials.";
}
