using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Refit;

namespace CheckoutOrchestrator.Client;

/// <summary>Registers <see cref="CheckoutClient"/> on IHttpClientFactory.</summary>
public static class CheckoutClientServices
{
    /// <summary>Returns the HTTP client's builder, for resilience handlers, proxies or timeouts.</summary>
    public static IHttpClientBuilder AddCheckoutClient(this IServiceCollection services, Action<CheckoutClientOptions> configure)
    {
        services.AddOptions<CheckoutClientOptions>()
            .Configure(configure)
            .Validate(o => o.BaseAddress is { IsAbsoluteUri: true } && !string.IsNullOrWhiteSpace(o.ApiKey), "CheckoutClient needs an absolute BaseAddress and an ApiKey.")
            .ValidateOnStart();
        services.AddTransient(provider => new CheckoutClient(provider.GetRequiredService<ICheckoutApi>()));
        return services.AddRefitGeneratedClient<ICheckoutApi>(CheckoutClient.Settings)
            .ConfigureHttpClient((provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<CheckoutClientOptions>>().Value;
                http.BaseAddress = options.BaseAddress;
                http.DefaultRequestHeaders.Authorization = new("Bearer", options.ApiKey);
            });
    }
}
