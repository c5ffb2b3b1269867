using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Providers.Chpter;

/// <summary>Chpter's HTTP side: options, Refit clients and the adapter, registered when section "Providers:Chpter" exists.</summary>
public sealed class ChpterClientModule : ProviderClientModule
{
    public override PaymentProvider Provider => PaymentProvider.Chpter;

    public override string Section => ChpterOptions.Section;

    public override void AddClient(IServiceCollection services, IConfiguration configuration)
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
    }
}
