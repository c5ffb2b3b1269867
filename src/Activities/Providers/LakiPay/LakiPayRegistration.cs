using CheckoutOrchestrator.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Providers.LakiPay;

public static class LakiPayRegistration
{
    public static IServiceCollection AddLakiPay(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<LakiPayOptions>(configuration, LakiPayOptions.Section);
        services.AddProviderApi<ILakiPayApi, LakiPayOptions>(ProviderJson.SnakeCase, o => o.BaseUrl!)
            .AddHttpMessageHandler(s =>
            {
                var options = s.GetRequiredService<IOptions<LakiPayOptions>>().Value;
                return new StaticHeadersHandler(new Dictionary<string, string> { ["X-API-Key"] = $"{options.PublicKey}:{options.SecretKey}" });
            });
        services.AddTransient<IPaymentProviderClient, LakiPayClient>();
        return services;
    }
}
