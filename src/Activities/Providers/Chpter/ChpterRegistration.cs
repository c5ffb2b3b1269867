using CheckoutOrchestrator.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Providers.Chpter;

public static class ChpterRegistration
{
    public static IServiceCollection AddChpter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ChpterOptions>(configuration, ChpterOptions.Section);
        services.AddProviderApi<IChpterApi, ChpterOptions>(ProviderJson.SnakeCase, o => o.BaseUrl!)
            .AddHttpMessageHandler(s =>
            {
                var options = s.GetRequiredService<IOptions<ChpterOptions>>().Value;
                return new StaticHeadersHandler(new Dictionary<string, string>
                {
                    ["Authorization"] = $"Token {options.ApiToken}",
                    ["domain"] = options.Domain!,
                });
            });
        services.AddTransient<IPaymentProviderClient, ChpterClient>();
        return services;
    }
}
