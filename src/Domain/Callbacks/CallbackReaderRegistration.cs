using CheckoutOrchestrator.Hosting;
using CheckoutOrchestrator.Providers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CheckoutOrchestrator.Callbacks;

public static class CallbackReaderRegistration
{
    /// <summary>The webhook side of the provider layer: verification needs keys, never provider credentials.</summary>
    public static IServiceCollection AddProviderCallbackReaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<CallbackOptions>(configuration, CallbackOptions.Section);
        services.TryAddSingleton<CallbackUrls>();
        foreach (var profile in ProviderProfiles.All)
        {
            profile.AddCallbackReader(services, configuration);
        }

        return services;
    }
}
