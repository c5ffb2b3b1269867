using System.ComponentModel.DataAnnotations;

namespace CheckoutOrchestrator.Providers.Chpter;

public sealed class ChpterOptions : ProviderOptions
{
    public const string Section = "Providers:Chpter";

    /// <summary>The legacy API token (chpter_pk_…), sent as "Authorization: Token …".</summary>
    [Required]
    public string? ApiToken { get; set; }

    /// <summary>[inferred] The registered production base domain, sent exactly as the dashboard shows it.</summary>
    [Required]
    public string? Domain { get; set; }
}
