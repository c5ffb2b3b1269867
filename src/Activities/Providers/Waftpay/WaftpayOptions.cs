using System.ComponentModel.DataAnnotations;

namespace CheckoutOrchestrator.Providers.Waftpay;

public sealed class WaftpayOptions : ProviderOptions
{
    public const string Section = "Providers:Waftpay";

    /// <summary>Credentials of the Collections product: Waftpay scopes keys per product.</summary>
    [Required]
    public string? ConsumerKey { get; set; }

    [Required]
    public string? ConsumerSecret { get; set; }

    /// <summary>
    /// [inferred] extra_params.expiry is a zone-less local time. Waftpay is Kenyan, so we write it in
    /// Nairobi time, and we read back the returned expires_at (UTC) as the real deadline.
    /// </summary>
    [Required]
    public string ExpiryTimeZone { get; set; } = "Africa/Nairobi";

    public TimeSpan TokenRenewalMargin { get; set; } = TimeSpan.FromMinutes(5);
}
