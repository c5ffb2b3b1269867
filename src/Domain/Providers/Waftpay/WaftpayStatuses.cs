using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Providers.Waftpay;

public static class WaftpayStatuses
{
    public const string NotFound = "NOT_FOUND";

    /// <summary>TSQ state. (An unknown key is not a state: it is reported as missing.)</summary>
    public static StatusMap Query { get; } = new(new Dictionary<string, PaymentStatus>
    {
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

    /// <summary>
    /// What a 2xx answer's <c>status</c> means, by Waftpay's error guide: SUCCESS (and ACCEPTED,
    /// "accepted for processing") are no refusal; ERROR is a server-side failure to retry (500);
    /// REJECTED, or anything else, is a refusal to fix, not retry (400).
    /// </summary>
    public static int? RefusalOf(string? status) => status?.ToUpperInvariant() switch
    {
        "SUCCESS" or "ACCEPTED" => null,
        "ERROR" => 500,
        _ => 400,
    };
}
