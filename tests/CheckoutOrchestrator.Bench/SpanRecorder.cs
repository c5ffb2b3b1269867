using System.Collections.Concurrent;
using System.Diagnostics;
using CheckoutOrchestrator.Harness;

namespace CheckoutOrchestrator.Bench;

/// <summary>Collects the spans the in-process API, worker and HTTP clients emit, to split a request's time.</summary>
public sealed class SpanRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> spans = new();
    private readonly ActivityListener listener;

    public SpanRecorder()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "CheckoutOrchestrator.Temporal" or "Microsoft.AspNetCore" or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
    }

    public void Clear() => spans.Clear();

    /// <summary>The median duration in ms of the spans from <paramref name="source"/> named like <paramref name="name"/> (and whose URL has <paramref name="urlPart"/>).</summary>
    public double Median(string source, string name, string? urlPart = null)
    {
        var durations = spans
            .Where(s => s.Source.Name == source && s.DisplayName.StartsWith(name, StringComparison.Ordinal)
                && (urlPart is null || (s.GetTagItem("url.full") as string ?? string.Empty).Contains(urlPart, StringComparison.Ordinal)))
            .Select(s => s.Duration.TotalMilliseconds)
            .ToList();
        return Percentiles.Of(durations).P50;
    }

    /// <summary>How many spans from <paramref name="source"/> named like <paramref name="name"/> have ended.</summary>
    public int Count(string source, string name) =>
        spans.Count(s => s.Source.Name == source && s.DisplayName.StartsWith(name, StringComparison.Ordinal));

    public void Dispose() => listener.Dispose();
}
