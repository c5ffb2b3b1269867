using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Hosting;
using CheckoutOrchestrator.Providers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CheckoutOrchestrator.Activities;

public static class ProviderClientRegistration
{
    /// <summary>Every provider's client module in this assembly, one per provider.</summary>
    public static IReadOnlyList<ProviderClientModule> Modules { get; } = typeof(ProviderClientModule).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(ProviderClientModule)) && !t.IsAbstract)
        .Select(t => (ProviderClientModule)Activator.CreateInstance(t)!)
        .OrderBy(m => m.Provider)
        .ToList();

    /// <summary>
    /// Registers the client of every provider that has a configuration section, with its options
    /// validated at start-up. A provider without a section is simply not offered by this worker.
    /// </summary>
    public static IServiceCollection AddPaymentProviderClients(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<Routing.ProviderHealth>();
        services.AddValidatedOptions<CallbackOptions>(configuration, CallbackOptions.Section);
        services.TryAddSingleton<CallbackUrls>();
        foreach (var module in Modules.Where(m => configuration.GetSection(m.Section).Exists()))
        {
            module.AddClient(services, configuration);
        }

        return services;
    }
}
