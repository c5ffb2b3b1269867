using System.ComponentModel.DataAnnotations;

namespace CheckoutOrchestrator.Providers.Kiotapay;

public sealed class KiotapayOptions : ProviderOptions
{
    public const string Section = "Providers:Kiotapay";

    /// <summary>
    /// Sandbox or Production. Required: only a host running in Development defaults to Sandbox, so a
    /// production configuration that names just the base URL and keys refuses to start instead of
    /// sending live checkouts to the sandbox path.
    /// </summary>
    public KiotapayEnvironment? Environment { get; set; }

    /// <summary>Overrides the environment's checkout path, e.g. once Kiotapay confirms its production path.</summary>
    public string? CheckoutPath { get; set; }

    [Required]
    public string? ApiKey { get; set; }

    [Required]
    public string? ApiSecret { get; set; }

    /// <summary>Access tokens live 300 s; renew this long before they expire.</summary>
    public TimeSpan TokenRenewalMargin { get; set; } = TimeSpan.FromSeconds(60);

    public string EffectiveCheckoutPath => CheckoutPath ?? (Environment == KiotapayEnvironment.Production ? "/api/v1" : "/api/sandbox/v1");
}
