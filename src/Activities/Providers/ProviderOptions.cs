using System.ComponentModel.DataAnnotations;

namespace CheckoutOrchestrator.Providers;

/// <summary>Where a provider's API is and how long we wait for it. Credentials live in each provider's options.</summary>
public abstract class ProviderOptions
{
    [Required]
    public Uri? BaseUrl { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
