using CheckoutOrchestrator.Activities.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CheckoutOrchestrator.Worker;

/// <summary>
/// /health/ready detail: which providers answer this worker's calls. A provider that is down
/// degrades the report but does not take the worker out of rotation: it still serves the others.
/// </summary>
public sealed class ProviderHealthCheck(ProviderHealth health) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var called = health.Called();
        var providers = called.ToDictionary(p => p.Key, p => (object)(p.Value ? "up" : "down (skipped by routing)"));
        var down = called.Where(p => !p.Value).Select(p => p.Key).ToList();
        return Task.FromResult(down.Count == 0
            ? HealthCheckResult.Healthy("Every provider called lately answers.", providers)
            : HealthCheckResult.Degraded($"Failing to answer, skipped by routing: {string.Join(", ", down)}.", data: providers));
    }
}
