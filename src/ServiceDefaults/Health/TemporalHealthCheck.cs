using Microsoft.Extensions.Diagnostics.HealthChecks;
using Temporalio.Client;

namespace CheckoutOrchestrator.ServiceDefaults.Health;

/// <summary>Ready only while the Temporal cluster answers its health check: without it nothing here can work.</summary>
public sealed class TemporalHealthCheck : IHealthCheck
{
    private readonly ITemporalClient client;

    public TemporalHealthCheck(ITemporalClient client)
    {
        this.client = client;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            return await client.Connection.CheckHealthAsync(options: new() { CancellationToken = timeout.Token })
                ? HealthCheckResult.Healthy($"Temporal at {client.Connection.Options.TargetHost} answers.")
                : HealthCheckResult.Unhealthy($"Temporal at {client.Connection.Options.TargetHost} says it is not serving.");
        }
        catch (Exception ex) when (ex is Temporalio.Exceptions.RpcException or InvalidOperationException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"Temporal at {client.Connection.Options.TargetHost} cannot be reached.", ex);
        }
    }
}
