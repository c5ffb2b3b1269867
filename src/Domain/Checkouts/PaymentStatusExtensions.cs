namespace CheckoutOrchestrator.Checkouts;

public static class PaymentStatusExtensions
{
    public static bool IsTerminal(this PaymentStatus status) =>
        status is PaymentStatus.Succeeded or PaymentStatus.Failed or PaymentStatus.Expired or PaymentStatus.Cancelled;

    /// <summary>
    /// How far along a payment is. A checkout only ever moves to a status of higher progress,
    /// so a late or reordered provider event can never move it backwards.
    /// </summary>
    public static int Progress(this PaymentStatus status) => status switch
    {
        PaymentStatus.Pending => 0,
        PaymentStatus.RequiresAction => 1,
        PaymentStatus.Processing => 2,
        _ => 3,
    };
}
