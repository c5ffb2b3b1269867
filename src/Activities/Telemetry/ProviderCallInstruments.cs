using System.Diagnostics.Metrics;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;

namespace CheckoutOrchestrator.Telemetry;

/// <summary>
/// Every provider call's latency and outcome by provider and operation (meter
/// <see cref="CheckoutMeter.Name"/>). Checkout counts come from the workflows, through Temporal's metric meter.
/// </summary>
public static class ProviderCallInstruments
{
    private static readonly Histogram<double> ProviderCallDuration = CheckoutMeter.Instance.CreateHistogram<double>(
        "checkout.provider.call.duration", "s", "Provider HTTP calls, by provider, operation and outcome.");

    private static readonly Counter<long> ProviderCallErrors = CheckoutMeter.Instance.CreateCounter<long>(
        "checkout.provider.call.errors", "{error}", "Provider calls that failed, by provider, operation and error type.");

    public static void ProviderCalled(ProviderCallContext context, TimeSpan elapsed, string? errorType)
    {
        var provider = KeyValuePair.Create<string, object?>("provider", context.Provider.ToSlug());
        var operation = KeyValuePair.Create<string, object?>("operation", context.Operation.ToString());
        ProviderCallDuration.Record(elapsed.TotalSeconds, provider, operation, KeyValuePair.Create<string, object?>("outcome", errorType ?? "ok"));
        if (errorType is not null)
        {
            ProviderCallErrors.Add(1, provider, operation, KeyValuePair.Create<string, object?>("error_type", errorType));
        }
    }
}
