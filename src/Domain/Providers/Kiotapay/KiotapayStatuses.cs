using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Providers.Kiotapay;

public static class KiotapayStatuses
{
    /// <summary>
    /// Only PENDING and SUCCEEDED are visible in the docs; the other four strings are [inferred]
    /// from the six states the docs describe. No cancelled state is documented.
    /// </summary>
    public static StatusMap Map { get; } = new(new Dictionary<string, PaymentStatus>
    {
        ["PENDING"] = PaymentStatus.Pending,
        ["REQUIRES_ACTION"] = PaymentStatus.RequiresAction,
        ["PROCESSING"] = PaymentStatus.Processing,
        ["SUCCEEDED"] = PaymentStatus.Succeeded,
        ["FAILED"] = PaymentStatus.Failed,
        ["EXPIRED"] = PaymentStatus.Expired,
    });
}
