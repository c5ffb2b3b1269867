namespace CheckoutOrchestrator.Merchants;

/// <summary>Where events may be posted: absolute http(s) URLs without credentials in them.</summary>
public static class NotificationUrls
{
    public static bool IsAcceptable(Uri url) =>
        url.IsAbsoluteUri
        && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(url.UserInfo);
}
