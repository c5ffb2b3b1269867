using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CheckoutOrchestrator.ServiceDefaults.Health;

/// <summary>
/// /health/live: the process answers (restart it if not). /health/ready: it can do its work, which
/// needs Temporal (take it out of rotation if not, but do not restart it).
/// </summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddCheckoutHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<TemporalHealthCheck>("temporal", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapCheckoutHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) });
        return app;
    }
}
