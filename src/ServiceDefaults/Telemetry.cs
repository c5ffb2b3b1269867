using CheckoutOrchestrator.ServiceDefaults.Metrics;
using CheckoutOrchestrator.ServiceDefaults.Tracing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CheckoutOrchestrator.ServiceDefaults;

public static class Telemetry
{
    /// <summary>
    /// Traces and metrics of incoming requests, the checkout's way through Temporal, and outgoing
    /// provider calls; the Temporal SDK's own metrics and the workflows' checkout counts. They leave
    /// the process only when an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT), so a dev
    /// run needs nothing.
    /// </summary>
    public static IServiceCollection AddCheckoutTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        var export = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(CheckoutTracing.SourceName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (export)
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter("CheckoutOrchestrator*", TemporalMetricsBridge.MeterName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (export)
                {
                    metrics.AddOtlpExporter();
                }
            });
        return services;
    }
}
