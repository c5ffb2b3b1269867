namespace CheckoutOrchestrator.Client.Events;

/// <summary>An event the orchestrator sent to the merchant; dedupe on <see cref="Id"/>. A needs-review event names its <see cref="Reason"/>.</summary>
public sealed record CheckoutEvent(string Id, string Type, DateTimeOffset CreatedAt, Checkout Checkout, string? Reason = null);

/// <summary>The events a merchant receives.</summary>
public static class CheckoutEventTypes
{
    public const string Succeeded = "checkout.succeeded";
    public const string Failed = "checkout.failed";
    public const string Expired = "checkout.expired";
    public const string Cancelled = "checkout.cancelled";
    public const string LatePayment = "checkout.late_payment";
    public const string NeedsReview = "checkout.needs_review";
}
