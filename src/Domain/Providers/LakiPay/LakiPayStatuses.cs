using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Providers.LakiPay;

public static class LakiPayStatuses
{
    /// <summary>
    /// INITIATED is the unpaid session; PENDING is "being processed". EXPIRED only appears on
    /// LakiPay's legacy integration page ([inferred] mapped in case it is ever sent).
    /// </summary>
    public static StatusMap Map { get; } = new(new Dictionary<string, PaymentStatus>
    {
        ["INITIATED"] = PaymentStatus.Pending,
        ["PENDING"] = PaymentStatus.Processing,
        ["SUCCESS"] = PaymentStatus.Succeeded,
        ["FAILED"] = PaymentStatus.Failed,
        ["CANCELLED"] = PaymentStatus.Cancelled,
        ["EXPIRED"] = PaymentStatus.Expired,
    });
}
