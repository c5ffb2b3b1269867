using System.Diagnostics.Metrics;
using Temporalio.Runtime;

namespace CheckoutOrchestrator.ServiceDefaults.Metrics;

/// <summary>
/// Hands the Temporal runtime's metrics (the SDK's own, and those workflows record through
/// Workflow.MetricMeter, which the SDK leaves out on replay) to System.Diagnostics.Metrics, under the
/// meter <see cref="MeterName"/>, where OpenTelemetry or any MeterListener reads them.
/// </summary>
public sealed class TemporalMetricsBridge : ICustomMetricMeter
{
    public const string MeterName = "Temporal";

    private static readonly Meter Meter = new(MeterName);

    public ICustomMetricCounter<T> CreateCounter<T>(string name, string? unit, string? description)
        where T : struct => new Counter<T>(Meter.CreateCounter<long>(name, unit, description));

    public ICustomMetricHistogram<T> CreateHistogram<T>(string name, string? unit, string? description)
        where T : struct => new Histogram<T>(Meter.CreateHistogram<double>(name, unit, description));

    public ICustomMetricGauge<T> CreateGauge<T>(string name, string? unit, string? description)
        where T : struct => new Gauge<T>(Meter.CreateGauge<double>(name, unit, description));

    public object CreateTags(object? appendFrom, IReadOnlyCollection<KeyValuePair<string, object>> tags) =>
        ((appendFrom as KeyValuePair<string, object?>[]) ?? []).Concat(tags.Select(t => new KeyValuePair<string, object?>(t.Key, t.Value))).ToArray();

    private static double AsNumber<T>(T value)
        where T : struct => value is TimeSpan span ? span.TotalMilliseconds : Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);

    private static ReadOnlySpan<KeyValuePair<string, object?>> Tags(object tags) => (KeyValuePair<string, object?>[])tags;

    private sealed class Counter<T>(System.Diagnostics.Metrics.Counter<long> counter) : ICustomMetricCounter<T>
        where T : struct
    {
        public void Add(T value, object tags) => counter.Add((long)AsNumber(value), Tags(tags));
    }

    private sealed class Histogram<T>(System.Diagnostics.Metrics.Histogram<double> histogram) : ICustomMetricHistogram<T>
        where T : struct
    {
        public void Record(T value, object tags) => histogram.Record(AsNumber(value), Tags(tags));
    }

    private sealed class Gauge<T>(System.Diagnostics.Metrics.Gauge<double> gauge) : ICustomMetricGauge<T>
        where T : struct
    {
        public void Set(T value, object tags) => gauge.Record(AsNumber(value), Tags(tags));
    }
}
