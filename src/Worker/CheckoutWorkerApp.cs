using CheckoutOrchestrator.ServiceDefaults;
using CheckoutOrchestrator.ServiceDefaults.Health;

namespace CheckoutOrchestrator.Worker;

/// <summary>The worker process: the Temporal workers, and an HTTP port for its health only.</summary>
public static class CheckoutWorkerApp
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);
        builder.Services.AddCheckoutWorker(builder.Configuration);
        builder.Services.AddCheckoutHealth().AddHealthChecks().AddCheck<ProviderHealthCheck>("providers", tags: [HealthEndpoints.Ready])
            .AddCheck<WorkflowCacheCheck>("workflow-cache", tags: [HealthEndpoints.Ready]);
        builder.Services.AddSingleton(_ => new WorkflowCacheCheck());
        builder.Services.AddCheckoutTelemetry(builder.Configuration, "checkout-worker");
        var app = builder.Build();
        app.MapCheckoutHealth();
        return app;
    }
}
