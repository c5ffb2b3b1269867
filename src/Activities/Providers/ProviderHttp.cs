using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers.AccessTokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Refit;

namespace CheckoutOrchestrator.Providers;

/// <summary>How every provider's Refit clients and credentials are registered.</summary>
public static class ProviderHttp
{
    /// <summary>A source-generated Refit client (no reflection) with the provider's base address, timeout and exact JSON content type.</summary>
    public static IHttpClientBuilder AddProviderApi<TApi, TOptions>(
        this IServiceCollection services, JsonSerializerOptions json, Func<TOptions, Uri> baseAddress)
        where TApi : class
        where TOptions : ProviderOptions =>
        services.AddRefitGeneratedClient<TApi>(ProviderJson.Refit(json))
            .ConfigureHttpClient((provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<TOptions>>().Value;
                http.BaseAddress = baseAddress(options);
                http.Timeout = options.RequestTimeout;
            })
            .AddHttpMessageHandler(() => new JsonContentTypeHandler());

    /// <summary>One token cache per provider, shared by every request, and a handler that applies it.</summary>
    public static IHttpClientBuilder AddBearerToken<TSource>(this IHttpClientBuilder builder, PaymentProvider provider, Func<IServiceProvider, TimeSpan> renewalMargin)
        where TSource : class, IAccessTokenSource
    {
        builder.Services.AddTransient<TSource>();
        builder.Services.AddKeyedSingleton(provider, (services, _) =>
            new AccessTokenCache(services.GetRequiredService<TimeProvider>(), renewalMargin(services)));
        return builder.AddHttpMessageHandler(services => new BearerTokenHandler(
            services.GetRequiredKeyedService<AccessTokenCache>(provider),
            services.GetRequiredService<TSource>()));
    }

    /// <summary>The provider's base URL with an extra path (e.g. Kiotapay's environment segment).</summary>
    public static Uri Combine(Uri baseUrl, string path) =>
        new($"{baseUrl.AbsoluteUri.TrimEnd('/')}/{path.Trim('/')}");
}
