namespace CheckoutOrchestrator.Client.Events;

/// <summary>An event the orchestrator sent to the merchant; dedupe on <see cref="Id"/>. A needs-review or review-resolved event names its <see cref="Reason"/>.</summary>
public sealed record CheckoutEvent(string Id, string Type, DateTimeOffset CreatedAt, Checkout Checkout, string? Reason = null);

/// <summary>The events a merchant receives.</summary>
public static class CheckoutEventTypes
{
    /// <summary>The checkout was paid.</summary>
    public const string Succeeded = "checkout.succeeded";

    /// <summary>The checkout ended unpaid after a failed attempt (or no session could be opened).</summary>
    public const string Failed = "checkout.failed";

    /// <summary>The checkout ended unpaid at its deadline.</summary>
    public const string Expired = "checkout.expired";

    /// <summary>The checkout was cancelled by the merchant before it was paid.</summary>
    public const string Cancelled = "checkout.cancelled";

    /// <summary>Money arrived after the checkout had ended: fulfil the order or refund the customer.</summary>
    public const string LatePayment = "checkout.late_payment";

    /// <summary>A person should look at the checkout; the event names the reason.</summary>
    public const string NeedsReview = "checkout.needs_review";

    /// <summary>An operator resolved the review note the event names: its outcome and note are on <see cref="ReviewNote.Resolution"/>.</summary>
    public const string ReviewResolved = "checkout.review_resolved";
}
