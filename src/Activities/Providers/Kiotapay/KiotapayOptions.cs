using System.ComponentModel.DataAnnotations;

namespace CheckoutOrchestrator.Providers.Kiotapay;

public sealed class KiotapayOptions : ProviderOptions
{
    public const string Section = "Providers:Kiotapay";

    /// <summary>
    /// [inferred] The environment segment of checkout paths. Sandbox is documented as
    /// /api/sandbox/v1; production is undocumented (presumably /api/v1): confirm with Kiotapay.
    /// </summary>
    [Required]
    public string CheckoutPath { get; set; } = "/api/sandbox/v1";

    [Required]
    public string? ApiKey { get; set; }

    [Required]
    public string? ApiSecret { get; set; }

    /// <summary>Access tokens live 300 s; renew this long before they expire.</summary>
    public TimeSpan TokenRenewalMargin { get; set; } = TimeSpan.FromSeconds(60);
}
