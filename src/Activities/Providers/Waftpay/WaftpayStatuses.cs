using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Providers.Waftpay;

public static class WaftpayStatuses
{
    public const string NotFound = "NOT_FOUND";

    /// <summary>TSQ state. An unknown reference means nobody has paid yet.</summary>
    public static StatusMap Query { get; } = new(new Dictionary<string, PaymentStatus>
    {
        [NotFound] = PaymentStatus.Pending,
        ["processing"] = PaymentStatus.Processing,
        ["succeeded"] = PaymentStatus.Succeeded,
        ["failed"] = PaymentStatus.Failed,
        ["canceled"] = PaymentStatus.Cancelled,
    });

    /// <summary>
    /// Webhook status. ESCALATED (manual review) stays in flight. REFUNDED and REVERSED come after a
    /// success and are deliberately not mapped: a finished checkout does not change.
    /// </summary>
    public static StatusMap Callback { get; } = new(new Dictionary<string, PaymentStatus>
    {
        ["CREATED"] = PaymentStatus.Pending,
        ["PENDING"] = PaymentStatus.Processing,
        ["ESCALATED"] = PaymentStatus.Processing,
        ["SUCCESS"] = PaymentStatus.Succeeded,
        ["FAILED"] = PaymentStatus.Failed,
        ["EXPIRED"] = PaymentStatus.Expired,
    });
}
