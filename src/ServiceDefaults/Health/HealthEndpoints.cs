using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CheckoutOrchestrator.ServiceDefaults.Health;

/// <summary>
/// /health/live: the process answers (restart it if not). /health/ready: it can do its work, which
/// needs Temporal (take it out of rotation if not, but do not restart it); its JSON body details
/// each check (on the worker: which providers answer).
/// </summary>
public static class HealthEndpoints
{
    public const string Ready = "ready";

    public static IServiceCollection AddCheckoutHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<TemporalHealthCheck>("temporal", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapCheckoutHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteDetailAsync });
        return app;
    }

    /// <summary>The overall status and each check's, with its description and data (e.g. which providers answer).</summary>
    private static Task WriteDetailAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        });
}
