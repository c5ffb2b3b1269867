using System.Threading.RateLimiting;
using CheckoutOrchestrator.Hosting;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Api.Webhooks;

/// <summary>
/// Every caller of a provider's callback endpoint gets a budget per client address: generous for a
/// provider, a wall for a flood. Behind a proxy, configure forwarded headers so the address is the caller's.
/// </summary>
public static class WebhookRateLimit
{
    public const string Policy = "PerCallbackSender";

    public static IServiceCollection AddWebhookDoor(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<WebhookOptions>(configuration, WebhookOptions.Section);
        services.AddSingleton<HintGate>();
        services.AddSingleton<CallbackRelay>();
        services.AddSingleton<UnmatchedCallbacks>();
        services.AddHostedService(provider => provider.GetRequiredService<UnmatchedCallbacks>());
        services.AddRateLimiter(limiter => limiter.AddPolicy(Policy, http =>
        {
            var perMinute = http.RequestServices.GetRequiredService<IOptions<WebhookOptions>>().Value.RequestsPerMinute;
            var sender = $"{http.Request.RouteValues["provider"]}|{http.Connection.RemoteIpAddress}";
            return RateLimitPartition.GetTokenBucketLimiter(sender, _ => ApiRateLimits.PerMinute(perMinute));
        }));
        return services;
    }
}
