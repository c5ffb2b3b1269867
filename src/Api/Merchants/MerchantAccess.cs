using System.Threading.RateLimiting;
using CheckoutOrchestrator.Merchants;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;

namespace CheckoutOrchestrator.Api.Merchants;

/// <summary>Who may call the checkout endpoints, and how often: one API-key scheme, one policy, one limiter per merchant.</summary>
public static class MerchantAccess
{
    public const string Policy = "Merchant";
    public const string RateLimit = "PerMerchant";

    public static IServiceCollection AddMerchantAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMerchants(configuration, signsEvents: false);
        services.AddAuthentication(MerchantApiKeyHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, MerchantApiKeyHandler>(MerchantApiKeyHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(MerchantApiKeyHandler.SchemeName).RequireClaim(MerchantClaims.MerchantId));
        services.AddRateLimiter(limiter => limiter.AddPolicy(RateLimit, http =>
        {
            // Every authenticated request counts, whatever it answers: a burst of reads of unknown ids is held like any other.
            var merchantId = http.User.MerchantOf();
            var perMinute = http.RequestServices.GetRequiredService<MerchantDirectory>().Find(merchantId)?.RequestsPerMinute ?? 1;
            return RateLimitPartition.GetTokenBucketLimiter(merchantId, _ => ApiRateLimits.PerMinute(perMinute));
        }));
        return services;
    }
}
