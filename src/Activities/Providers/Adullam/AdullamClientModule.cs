using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Providers.Adullam;

/// <summary>Adullam's HTTP side: options, Refit clients and the adapter, registered when section "Providers:Adullam" exists.</summary>
public sealed class AdullamClientModule : ProviderClientModule
{
    public override PaymentProvider Provider => PaymentProvider.Adullam;

    public override string Section => AdullamOptions.Section;

    public override void AddClient(IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<AdullamOptions>(configuration, AdullamOptions.Section);

        // The account's request limits hold across all workers by the Temporal server's rate limit on
        // the Adullam task queue (see the worker), not by a limiter in each process.
        services.AddProviderApi<IAdullamAuthApi, AdullamOptions>(ProviderJson.SnakeCase, o => o.BaseUrl!);
        services.AddProviderApi<IAdullamApi, AdullamOptions>(ProviderJson.SnakeCase, o => o.BaseUrl!)
            .AddBearerToken<AdullamTokenSource>(
                PaymentProvider.Adullam,
                s => s.GetRequiredService<IOptions<AdullamOptions>>().Value.TokenRenewalMargin);
        services.AddSingleton<AdullamEndpoints>();
        services.AddTransient<IPaymentProviderClient, AdullamClient>();
    }
}
