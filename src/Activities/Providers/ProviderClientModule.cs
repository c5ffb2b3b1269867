using CheckoutOrchestrator.Checkouts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CheckoutOrchestrator.Providers;

/// <summary>
/// The part of a provider that holds its credentials and speaks HTTP to it. One per provider, in
/// the provider's folder; the worker finds them all in this assembly.
/// </summary>
public abstract class ProviderClientModule
{
    public abstract PaymentProvider Provider { get; }

    /// <summary>The configuration section that holds its base URL and credentials.</summary>
    public abstract string Section { get; }

    public abstract void AddClient(IServiceCollection services, IConfiguration configuration);
}
