using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CheckoutOrchestrator.ServiceDefaults;

public static class Telemetry
{
    /// <summary>
    /// Traces and metrics of incoming requests and outgoing provider calls. They leave the process
    /// only when an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT), so a dev run needs nothing.
    /// </summary>
    public static IServiceCollection AddCheckoutTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        var export = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (export)
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (export)
                {
                    metrics.AddOtlpExporter();
                }
            });
        return services;
    }
}
