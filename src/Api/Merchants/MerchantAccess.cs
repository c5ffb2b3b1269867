using System.Globalization;
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
        services.AddMerchants(configuration);
        services.AddAuthentication(MerchantApiKeyHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, MerchantApiKeyHandler>(MerchantApiKeyHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(MerchantApiKeyHandler.SchemeName).RequireClaim(MerchantClaims.MerchantId));
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(RateLimit, http =>
            {
                var merchantId = http.User.MerchantOf();
                var perMinute = http.RequestServices.GetRequiredService<MerchantDirectory>().Find(merchantId)?.RequestsPerMinute ?? 1;
                return RateLimitPartition.GetTokenBucketLimiter(merchantId, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perMinute,
                    TokensPerPeriod = perMinute,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Type = ApiProblems.TypeBase + "rate-limited",
                        Title = "Too many requests for this merchant; retry after the Retry-After delay.",
                    },
                });
            };
        });
        return services;
    }
}
