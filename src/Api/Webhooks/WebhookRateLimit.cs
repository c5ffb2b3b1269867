using System.Threading.RateLimiting;
using CheckoutOrchestrator.Api.Checkouts;
using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Hosting;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Api.Webhooks;

/// <summary>
/// Every caller of a provider's callback endpoint gets a budget per client address, a wall for a
/// flood: a small one for callbacks without a valid token, a large one for tokened callbacks (a busy
/// provider sends tens a second from few addresses). Counting per address, not per checkout, means a
/// flood from elsewhere never holds back the provider's own callbacks. Behind a proxy, configure
/// forwarded headers so the address is the caller's.
/// </summary>
public static class WebhookRateLimit
{
    public const string Policy = "PerCallbackSender";

    public static IServiceCollection AddWebhookDoor(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<WebhookOptions>(configuration, WebhookOptions.Section);
        services.AddKeyedSingleton(CheckoutGate.Hints, (sp, _) =>
            new CheckoutGate(() => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebhookOptions>>().Value.HintInterval, sp.GetRequiredService<TimeProvider>()));
        services.AddKeyedSingleton(CheckoutGate.Progress, (sp, _) =>
            new CheckoutGate(() => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebhookOptions>>().Value.HintInterval, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SessionKeySearch>();
        services.AddSingleton<CallbackRelay>();
        services.AddSingleton<ProgressHold>();
        services.AddHostedService<ProgressHoldRelease>();
        services.AddSingleton<UnmatchedCallbacks>();
        services.AddHostedService(provider => provider.GetRequiredService<UnmatchedCallbacks>());
        services.AddRateLimiter(limiter => limiter.AddPolicy(Policy, http =>
        {
            // Partitions use the provider's own slug: /webhooks/KIOTAPAY and /webhooks/Kiotapay share one budget. An
            // unknown slug is answered 404 by the endpoint, which does no work for it.
            if (!PaymentProviderSlugs.TryParse(http.Request.RouteValues["provider"] as string, out var provider))
            {
                return RateLimitPartition.GetNoLimiter("unknown-provider");
            }

            var options = http.RequestServices.GetRequiredService<IOptions<WebhookOptions>>().Value;
            var tokened = http.RequestServices.GetRequiredService<CallbackUrls>().IsValid(
                provider, http.Request.Query[CallbackUrls.CheckoutParameter], http.Request.Query[CallbackUrls.TokenParameter]);
            var perMinute = tokened ? options.TokenedRequestsPerMinute : options.RequestsPerMinute;
            return RateLimitPartition.GetTokenBucketLimiter(PartitionOf(provider, tokened, http.Connection.RemoteIpAddress), _ => ApiRateLimits.PerMinute(perMinute));
        }));
        return services;
    }

    /// <summary>The budget a callback spends: its provider's (whatever the slug's case), tokened or not, from this address.</summary>
    public static string PartitionOf(PaymentProvider provider, bool tokened, System.Net.IPAddress? address) => $"{provider.ToSlug()}|{tokened}|{address}";
}
