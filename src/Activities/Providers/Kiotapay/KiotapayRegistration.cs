using CheckoutOrchestrator.Checkouts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Providers.Kiotapay;

public static class KiotapayRegistration
{
    public static IServiceCollection AddKiotapay(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<KiotapayOptions>(configuration, KiotapayOptions.Section);
        services.AddProviderApi<IKiotapayAuthApi, KiotapayOptions>(ProviderJson.CamelCase, o => o.BaseUrl!);
        services.AddProviderApi<IKiotapayCheckoutApi, KiotapayOptions>(ProviderJson.CamelCase, o => ProviderHttp.Combine(o.BaseUrl!, o.CheckoutPath))
            .AddBearerToken<KiotapayTokenSource>(
                PaymentProvider.Kiotapay,
                s => s.GetRequiredService<IOptions<KiotapayOptions>>().Value.TokenRenewalMargin);
        services.AddTransient<IPaymentProviderClient, KiotapayClient>();
        return services;
    }
}
