using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Providers.LakiPay;

/// <summary>LakiPay's HTTP side: options, Refit clients and the adapter, registered when section "Providers:LakiPay" exists.</summary>
public sealed class LakiPayClientModule : ProviderClientModule
{
    public override PaymentProvider Provider => PaymentProvider.LakiPay;

    public override string Section => LakiPayOptions.Section;

    public override void AddClient(IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<LakiPayOptions>(configuration, LakiPayOptions.Section);
        services.AddProviderApi<ILakiPayApi, LakiPayOptions>(ProviderJson.SnakeCase, o => o.BaseUrl!)
            .AddHttpMessageHandler(s =>
            {
                var options = s.GetRequiredService<IOptions<LakiPayOptions>>().Value;
                return new StaticHeadersHandler(new Dictionary<string, string> { ["X-API-Key"] = $"{options.PublicKey}:{options.SecretKey}" });
            });
        services.AddTransient<IPaymentProviderClient, LakiPayClient>();
    }
}
