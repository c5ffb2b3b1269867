using System.Diagnostics.Metrics;
using CheckoutOrchestrator.Worker;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit;

namespace CheckoutOrchestrator.Tests.Hosting;

/// <summary>The worker's cache detail adds up its task queues' caches, each at its latest size, and counts replays.</summary>
public sealed class WorkflowCacheCheckTests
{
    [Fact]
    public async Task Cached_checkouts_are_each_queues_latest_size_summed_and_replays_are_counted()
    {
        using var meter = new Meter($"test-{Guid.NewGuid():N}");
        using var check = new WorkflowCacheCheck(meter.Name);
        var cacheSize = meter.CreateGauge<double>("temporal_sticky_cache_size");
        var replayLatency = meter.CreateHistogram<double>("temporal_workflow_task_replay_latency");

        cacheSize.Record(5, new KeyValuePair<string, object?>("task_queue", "checkouts"));
        cacheSize.Record(2, new KeyValuePair<string, object?>("task_queue", "checkouts"));
        cacheSize.Record(3, new KeyValuePair<string, object?>("task_queue", "checkouts-adullam"));
        replayLatency.Record(12);
        replayLatency.Record(7);
        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(5L, result.Data["cachedWorkflows"]);
        Assert.Equal(2L, result.Data["replays"]);
    }
}
