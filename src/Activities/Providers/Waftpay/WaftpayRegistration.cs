using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Providers.Waftpay;

public static class WaftpayRegistration
{
    public static IServiceCollection AddWaftpay(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<WaftpayOptions>(configuration, WaftpayOptions.Section);
        services.AddProviderApi<IWaftpayAuthApi, WaftpayOptions>(ProviderJson.SnakeCase, o => o.BaseUrl!);
        services.AddProviderApi<IWaftpayCheckoutApi, WaftpayOptions>(ProviderJson.SnakeCase, o => o.BaseUrl!)
            .AddBearerToken<WaftpayTokenSource>(
                PaymentProvider.Waftpay,
                s => s.GetRequiredService<IOptions<WaftpayOptions>>().Value.TokenRenewalMargin);
        services.AddTransient<IPaymentProviderClient, WaftpayClient>();
        return services;
    }
}
