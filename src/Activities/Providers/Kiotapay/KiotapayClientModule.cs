using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Providers.Kiotapay;

/// <summary>Kiotapay's HTTP side: options, Refit clients and the adapter, registered when section "Providers:Kiotapay" exists.</summary>
public sealed class KiotapayClientModule : ProviderClientModule
{
    public override PaymentProvider Provider => PaymentProvider.Kiotapay;

    public override string Section => KiotapayOptions.Section;

    public override void AddClient(IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<KiotapayOptions>(configuration, KiotapayOptions.Section);
        services.AddSingleton<KiotapayEnvironmentRule>();
        services.AddSingleton<IPostConfigureOptions<KiotapayOptions>>(s => s.GetRequiredService<KiotapayEnvironmentRule>());
        services.AddSingleton<IValidateOptions<KiotapayOptions>>(s => s.GetRequiredService<KiotapayEnvironmentRule>());
        services.AddProviderApi<IKiotapayAuthApi, KiotapayOptions>(ProviderJson.CamelCase, o => o.BaseUrl!);
        services.AddProviderApi<IKiotapayCheckoutApi, KiotapayOptions>(ProviderJson.CamelCase, o => ProviderHttp.Combine(o.BaseUrl!, o.EffectiveCheckoutPath))
            .AddBearerToken<KiotapayTokenSource>(
                PaymentProvider.Kiotapay,
                s => s.GetRequiredService<IOptions<KiotapayOptions>>().Value.TokenRenewalMargin);
        services.AddTransient<IPaymentProviderClient, KiotapayClient>();
    }
}
