using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CheckoutOrchestrator.ServiceDefaults.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CheckoutOrchestrator.Worker;

/// <summary>
/// /health/ready detail: how many checkouts this worker holds in memory (the SDK's sticky cache), and
/// how many workflow tasks it has had to replay from the first event because the checkout was not
/// held: the price of a cache smaller than the open checkouts. Read from the SDK's own metrics.
/// </summary>
public sealed class WorkflowCacheCheck : IHealthCheck, IDisposable
{
    private const string CacheSize = "sticky_cache_size";
    private const string ReplayLatency = "workflow_task_replay_latency";

    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, double> cachedByQueue = new(StringComparer.Ordinal);
    private long replays;

    public WorkflowCacheCheck()
        : this(TemporalMetricsBridge.MeterName)
    {
    }

    /// <param name="meterName">Where the SDK's metrics arrive (a test's own meter in tests).</param>
    public WorkflowCacheCheck(string meterName)
    {
        listener.InstrumentPublished = (instrument, listening) =>
        {
            if (instrument.Meter.Name == meterName && (IsNamed(instrument, CacheSize) || IsNamed(instrument, ReplayLatency)))
            {
                listening.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>(Record);
        listener.Start();
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var cached = (long)cachedByQueue.Values.Sum();
        var data = new Dictionary<string, object> { ["cachedWorkflows"] = cached, ["replays"] = Interlocked.Read(ref replays) };
        return Task.FromResult(HealthCheckResult.Healthy($"{cached} checkouts held in memory.", data));
    }

    public void Dispose() => listener.Dispose();

    private static bool IsNamed(Instrument instrument, string name) => instrument.Name.EndsWith(name, StringComparison.Ordinal);

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (IsNamed(instrument, ReplayLatency))
        {
            Interlocked.Increment(ref replays);
            return;
        }

        var queue = string.Empty;
        foreach (var tag in tags)
        {
            if (tag.Key == "task_queue")
            {
                queue = tag.Value?.ToString() ?? string.Empty;
            }
        }

        cachedByQueue[queue] = value;
    }
}
