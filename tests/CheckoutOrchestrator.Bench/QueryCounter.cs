using System.Diagnostics;
using CheckoutOrchestrator.ServiceDefaults.Tracing;

namespace CheckoutOrchestrator.Bench;

/// <summary>Counts the queries the in-process API sends (each a billed action), from the client spans it emits.</summary>
public sealed class QueryCounter : IDisposable
{
    private readonly ActivityListener listener;
    private int queries;

    public QueryCounter()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CheckoutTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = span =>
            {
                if (span.DisplayName.StartsWith("QueryWorkflow:", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref queries);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    public int Queries => Volatile.Read(ref queries);

    public void Dispose() => listener.Dispose();
}
