using System.Diagnostics.Metrics;
using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Telemetry;

/// <summary>Callbacks refused or distrusted at the door: the security events operators alert on.</summary>
public static class CallbackInstruments
{
    private static readonly Counter<long> CallbacksRefused = CheckoutMeter.Instance.CreateCounter<long>(
        "checkout.webhook.verification.failures", "{callback}", "Provider callbacks that failed verification or could not be read, by provider and kind.");

    public static void CallbackRefused(PaymentProvider provider, string kind) =>
        CallbacksRefused.Add(1, KeyValuePair.Create<string, object?>("provider", provider.ToSlug()), KeyValuePair.Create<string, object?>("kind", kind));
}
