using System.Diagnostics.Metrics;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;

namespace CheckoutOrchestrator.Telemetry;

/// <summary>
/// The product's own metrics outside workflows (meter <see cref="MeterName"/>): every provider call's
/// latency and outcome by provider and operation, and the callbacks refused at the door.
/// Checkout counts come from the workflows, through Temporal's metric meter.
/// </summary>
public static class CheckoutInstruments
{
    public const string MeterName = "CheckoutOrchestrator";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> ProviderCallDuration = Meter.CreateHistogram<double>(
        "checkout.provider.call.duration", "s", "Provider HTTP calls, by provider, operation and outcome.");

    private static readonly Counter<long> ProviderCallErrors = Meter.CreateCounter<long>(
        "checkout.provider.call.errors", "{error}", "Provider calls that failed, by provider, operation and error type.");

    private static readonly Counter<long> CallbacksRefused = Meter.CreateCounter<long>(
        "checkout.webhook.verification.failures", "{callback}", "Provider callbacks refused as unverifiable or unreadable.");

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

    public static void CallbackRefused(PaymentProvider provider, string kind) =>
        CallbacksRefused.Add(1, KeyValuePair.Create<string, object?>("provider", provider.ToSlug()), KeyValuePair.Create<string, object?>("kind", kind));
}
