using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Providers.Waftpay;

/// <summary>Waftpay's HTTP side: options, Refit clients and the adapter, registered when section "Providers:Waftpay" exists.</summary>
public sealed class WaftpayClientModule : ProviderClientModule
{
    public override PaymentProvider Provider => PaymentProvider.Waftpay;

    public override string Section => WaftpayOptions.Section;

    public override void AddClient(IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<WaftpayOptions>(configuration, WaftpayOptions.Section);
        services.AddProviderApi<IWaftpayAuthApi, WaftpayOptions>(ProviderJson.SnakeCase, o => o.BaseUrl!);
        services.AddProviderApi<IWaftpayCheckoutApi, WaftpayOptions>(ProviderJson.SnakeCase, o => o.BaseUrl!)
            .AddBearerToken<WaftpayTokenSource>(
                PaymentProvider.Waftpay,
                s => s.GetRequiredService<IOptions<WaftpayOptions>>().Value.TokenRenewalMargin);
        services.AddTransient<IPaymentProviderClient, WaftpayClient>();
    }
}
