using CheckoutOrchestrator.Hosting;
using CheckoutOrchestrator.Providers.Adullam;
using CheckoutOrchestrator.Providers.Chpter;
using CheckoutOrchestrator.Providers.Kiotapay;
using CheckoutOrchestrator.Providers.LakiPay;
using CheckoutOrchestrator.Providers.Waftpay;
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
        services.AddOptions<LakiPayWebhookOptions>().Bind(configuration.GetSection(LakiPayWebhookOptions.Section));
        services.TryAddSingleton<CallbackUrls>();
        services.AddSingleton<ProviderCallbackReader, KiotapayCallbackReader>();
        services.AddSingleton<ProviderCallbackReader, LakiPayCallbackReader>();
        services.AddSingleton<ProviderCallbackReader, WaftpayCallbackReader>();
        services.AddSingleton<ProviderCallbackReader, ChpterCallbackReader>();
        services.AddSingleton<ProviderCallbackReader, AdullamCallbackReader>();
        return services;
    }
}
