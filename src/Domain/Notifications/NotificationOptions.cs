namespace CheckoutOrchestrator.Notifications;

/// <summary>
/// Section "Notifications": where merchant events may go. By default only https URLs whose names
/// resolve to public addresses; an operator may allow plain http (development) and name the
/// internal endpoints (URL prefixes) a merchant's events may reach inside the network.
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Accept http:// notification URLs. Development only: events carry customer data.</summary>
    public bool AllowPlainHttp { get; set; }

    /// <summary>
    /// URL prefixes (scheme, host, port and path) that may resolve to loopback, private or
    /// link-local addresses, e.g. a merchant's endpoint inside the same network. Everything else
    /// must resolve to public addresses only, checked when the connection is made.
    /// </summary>
    public List<Uri> AllowedPrivateUrls { get; set; } = [];
}
