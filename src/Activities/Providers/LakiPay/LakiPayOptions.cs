using System.ComponentModel.DataAnnotations;

namespace CheckoutOrchestrator.Providers.LakiPay;

public sealed class LakiPayOptions : ProviderOptions
{
    public const string Section = "Providers:LakiPay";

    [Required]
    public string? PublicKey { get; set; }

    [Required]
    public string? SecretKey { get; set; }
}
