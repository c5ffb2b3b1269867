using System.Diagnostics.Metrics;
using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Telemetry;

/// <summary>Callbacks refused or distrusted at the door: the security events operators alert on.</summary>
public static class CallbackInstruments
{
    private static readonly Counter<long> CallbacksRefused = CheckoutMeter.Instance.CreateCounter<long>(
        "checkout.webhook.verification.failures", "{callback}", "Provider callbacks that failed verification or could not be read, by provider and kind.");

    private static readonly Counter<long> UnmatchedDropped = CheckoutMeter.Instance.CreateCounter<long>(
        "checkout.webhook.unmatched.dropped", "{callback}", "Callbacks whose ids found no checkout yet, not searched again because the queue of them was full.");

    private static readonly Counter<long> SessionKeySearches = CheckoutMeter.Instance.CreateCounter<long>(
        "checkout.webhook.visibility_searches", "{search}", "Visibility queries made to find the checkout a callback's provider ids name.");

    private static readonly Counter<long> ProgressHeld = CheckoutMeter.Instance.CreateCounter<long>(
        "checkout.webhook.progress.held", "{callback}", "Authenticated word of progress held for a checkout's next signal, by how it reached the checkout: carried by another callback's signal (a signal saved) or sent alone.");

    public static void HeldProgressDelivered(int count, bool carried) =>
        ProgressHeld.Add(count, KeyValuePair.Create<string, object?>("delivery", carried ? "carried" : "alone"));

    public static void UnmatchedDrop(PaymentProvider provider) =>
        UnmatchedDropped.Add(1, KeyValuePair.Create<string, object?>("provider", provider.ToSlug()));

    public static void SessionKeySearch(PaymentProvider provider) =>
        SessionKeySearches.Add(1, KeyValuePair.Create<string, object?>("provider", provider.ToSlug()));

    public static void CallbackRefused(PaymentProvider provider, string kind) =>
        CallbacksRefused.Add(1, KeyValuePair.Create<string, object?>("provider", provider.ToSlug()), KeyValuePair.Create<string, object?>("kind", kind));
}
