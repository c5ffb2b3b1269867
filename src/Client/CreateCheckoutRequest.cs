namespace CheckoutOrchestrator.Client;

/// <summary>
/// What POST /checkouts takes. The merchant is the API key's. Repeating a request with the same
/// <see cref="MerchantReference"/> returns the same checkout, so a create may be retried safely.
/// </summary>
public sealed record CreateCheckoutRequest
{
    /// <summary>The merchant's order number: one checkout per reference; repeating the same request returns the same checkout.</summary>
    public required string MerchantReference { get; init; }

    /// <summary>The provider; leave it out to let the orchestrator pick one that takes the checkout (see <see cref="Providers"/>).</summary>
    public string? Provider { get; init; }

    /// <summary>With no <see cref="Provider"/>: the providers allowed, in order of preference; none: the configured order.</summary>
    public IReadOnlyList<string>? Providers { get; init; }

    /// <summary>Major units as a decimal string, e.g. "1500.00"; see <see cref="ForAmount"/>.</summary>
    public required string Amount { get; init; }

    /// <summary>ISO 4217 currency the provider takes, e.g. KES.</summary>
    public required string Currency { get; init; }

    /// <summary>What the payer sees (some providers need one).</summary>
    public string? Description { get; init; }

    /// <summary>The paying customer: name, phone (E.164) and email, as the provider needs them.</summary>
    public CheckoutCustomer? Customer { get; init; }

    /// <summary>Where the customer goes after the payment page, once the orchestrator knows the outcome.</summary>
    public RedirectUrls? RedirectUrls { get; init; }

    /// <summary>Payment methods offered on the page, e.g. "mpesa", "card"; none: the provider's default.</summary>
    public IReadOnlyList<string>? AllowedMethods { get; init; }

    /// <summary>How long the customer may take to pay (300 to 86 400; default 1 800).</summary>
    public int? ExpiresInSeconds { get; init; }

    /// <summary>Where this checkout's events go; else the merchant's configured endpoint.</summary>
    public Uri? NotificationUrl { get; init; }

    /// <summary>Writes a decimal amount the way the API reads it, without a float in between.</summary>
    public static string ForAmount(decimal amount) => amount.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The paying customer; the phone in international form (+2547...).</summary>
public sealed record CheckoutCustomer(string? Name = null, string? Phone = null, string? Email = null);

/// <summary>Where the customer goes after the payment page: success (paid), failure (ended unpaid), cancel, pending (not final yet); checkout_id and status are appended.</summary>
public sealed record RedirectUrls(Uri Success, Uri Failure, Uri? Cancel = null, Uri? Pending = null);
