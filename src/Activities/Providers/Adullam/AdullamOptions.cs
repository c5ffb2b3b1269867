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
