using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Notifications;

/// <summary>The events a merchant's notification endpoint receives.</summary>
public static class MerchantEventTypes
{
    public const string Succeeded = "checkout.succeeded";
    public const string Failed = "checkout.failed";
    public const string Expired = "checkout.expired";
    public const string Cancelled = "checkout.cancelled";
    public const string LatePayment = "checkout.late_payment";
    public const string NeedsReview = "checkout.needs_review";
    public const string ReviewResolved = "checkout.review_resolved";

    public static IReadOnlyList<string> All { get; } = [Succeeded, Failed, Expired, Cancelled, LatePayment, NeedsReview, ReviewResolved];

    public static string ForFinal(PaymentStatus status) => status switch
    {
        PaymentStatus.Succeeded => Succeeded,
        PaymentStatus.Failed => Failed,
        PaymentStatus.Expired => Expired,
        PaymentStatus.Cancelled => Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Only final statuses are announced."),
    };
}
