using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Hosting;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Providers.Adullam;
using CheckoutOrchestrator.Providers.Chpter;
using CheckoutOrchestrator.Providers.Kiotapay;
using CheckoutOrchestrator.Providers.LakiPay;
using CheckoutOrchestrator.Providers.Waftpay;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CheckoutOrchestrator.Activities;

public static class ProviderClientRegistration
{
    /// <summary>
    /// Registers the client of every provider that has a configuration section, with its options
    /// validated at start-up. A provider without a section is simply not offered by this worker.
    /// </summary>
    public static IServiceCollection AddPaymentProviderClients(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<CallbackOptions>(configuration, CallbackOptions.Section);
        services.TryAddSingleton<CallbackUrls>();

        var registrations = new (string Section, Func<IServiceCollection, IConfiguration, IServiceCollection> Add)[]
        {
            (KiotapayOptions.Section, KiotapayRegistration.AddKiotapay),
            (LakiPayOptions.Section, LakiPayRegistration.AddLakiPay),
            (WaftpayOptions.Section, WaftpayRegistration.AddWaftpay),
            (ChpterOptions.Section, ChpterRegistration.AddChpter),
            (AdullamOptions.Section, AdullamRegistration.AddAdullam),
        };
        foreach (var (section, add) in registrations)
        {
            if (configuration.GetSection(section).Exists())
            {
                add(services, configuration);
            }
        }

        return services;
    }
}
