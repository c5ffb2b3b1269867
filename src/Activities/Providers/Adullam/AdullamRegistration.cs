using System.Threading.RateLimiting;
using CheckoutOrchestrator.Checkouts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Providers.Adullam;

public static class AdullamRegistration
{
    public static IServiceCollection AddAdullam(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<AdullamOptions>(configuration, AdullamOptions.Section);

        // One limiter for the whole process, shared by token and API requests.
        services.AddKeyedSingleton<RateLimiter>(PaymentProvider.Adullam, (s, _) =>
        {
            var o = s.GetRequiredService<IOptions<AdullamOptions>>().Value;
            return RateLimiter.CreateChained(
                Window(o.RequestsPerMinute, TimeSpan.FromMinutes(1), o.RateLimitQueue),
                Window(o.RequestsPerHour, TimeSpan.FromHours(1), o.RateLimitQueue));
        });

        services.AddProviderApi<IAdullamAuthApi, AdullamOptions>(ProviderJson.SnakeCase, o => o.BaseUrl!)
            .AddHttpMessageHandler(s => new RateLimitingHandler(s.GetRequiredKeyedService<RateLimiter>(PaymentProvider.Adullam)));
        services.AddProviderApi<IAdullamApi, AdullamOptions>(ProviderJson.SnakeCase, o => o.BaseUrl!)
            .AddBearerToken<AdullamTokenSource>(
                PaymentProvider.Adullam,
                s => s.GetRequiredService<IOptions<AdullamOptions>>().Value.TokenRenewalMargin)
            .AddHttpMessageHandler(s => new RateLimitingHandler(s.GetRequiredKeyedService<RateLimiter>(PaymentProvider.Adullam)));
        services.AddSingleton<AdullamEndpoints>();
        services.AddTransient<IPaymentProviderClient, AdullamClient>();
        return services;
    }

    private static SlidingWindowRateLimiter Window(int permits, TimeSpan window, int queue) => new(new SlidingWindowRateLimiterOptions
    {
        PermitLimit = permits,
        Window = window,
        SegmentsPerWindow = 6,
        QueueLimit = queue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });
}
