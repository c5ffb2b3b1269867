using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Providers.Adullam;

public static class AdullamStatuses
{
    /// <summary>
    /// Checkouts and payments share this enum. [inferred] "pending" is the customer being asked to
    /// approve on the phone, hence RequiresAction.
    /// </summary>
    public static StatusMap Map { get; } = new(new Dictionary<string, PaymentStatus>
    {
        ["created"] = PaymentStatus.Pending,
        ["pending"] = PaymentStatus.RequiresAction,
        ["processing"] = PaymentStatus.Processing,
        ["completed"] = PaymentStatus.Succeeded,
        ["failed"] = PaymentStatus.Failed,
        ["expired"] = PaymentStatus.Expired,
        ["cancelled"] = PaymentStatus.Cancelled,
    });
}
