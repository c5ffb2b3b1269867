using System.ComponentModel.DataAnnotations;

namespace CheckoutOrchestrator.Providers.Adullam;

public sealed class AdullamOptions : ProviderOptions
{
    public const string Section = "Providers:Adullam";

    /// <summary>The account's login phone (+225…). With the password, these are account login secrets.</summary>
    [Required]
    public string? Phone { get; set; }

    [Required]
    [MinLength(8)]
    public string? Password { get; set; }

    /// <summary>Documented limits: 100 requests a minute, 1000 an hour.</summary>
    [Range(1, 10_000)]
    public int RequestsPerMinute { get; set; } = 100;

    [Range(1, 100_000)]
    public int RequestsPerHour { get; set; } = 1000;

    /// <summary>Requests that may wait for the limiter before failing retryably.</summary>
    [Range(0, 1000)]
    public int RateLimitQueue { get; set; } = 20;

    /// <summary>
    /// [inferred] A single-session GET /v1/checkouts/{id} is not documented. Auto tries it and trusts
    /// it once it has answered; On uses it alone; Off reads only the documented list.
    /// </summary>
    public AdullamSingleSessionGet SingleSessionGet { get; set; } = AdullamSingleSessionGet.Auto;

    /// <summary>The documented default page size of the checkout list (its maximum is undocumented).</summary>
    [Range(1, 100)]
    public int ListPageSize { get; set; } = 50;

    /// <summary>Pages read in turn when a session's creation time is unknown (checkouts opened before it was kept).</summary>
    [Range(1, 100)]
    public int MaxListPages { get; set; } = 10;

    public TimeSpan TokenRenewalMargin { get; set; } = TimeSpan.FromMinutes(5);
}
