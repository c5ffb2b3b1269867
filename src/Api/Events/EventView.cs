using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;

namespace CheckoutOrchestrator.Api.Events;

/// <summary>
/// An event the orchestrator sent (or is sending) a merchant: what it told, about which checkout,
/// where its delivery stands with every attempt, and its latest redelivery, if the merchant asked for one.
/// </summary>
public sealed record EventView(
    string Id,
    string Type,
    string CheckoutId,
    ReviewReason? Reason,
    DateTimeOffset CreatedAt,
    NotificationState State,
    IReadOnlyList<NotificationAttempt> Attempts,
    DateTimeOffset? DeliveredAt,
    string? Error,
    DateTimeOffset? NextAttemptAt,
    RedeliveryView? Redelivery)
{
    /// <summary>Whether the merchant's endpoint took it, the first time or on a redelivery.</summary>
    public bool Delivered => State == NotificationState.Delivered || Redelivery?.State == NotificationState.Delivered;

    public static EventView Of(string checkoutId, NotificationRecord record, RedeliveryView? redelivery) => new(
        record.EventId,
        record.Type,
        checkoutId,
        record.Reason,
        record.CreatedAt,
        record.State,
        record.Attempts,
        record.DeliveredAt,
        record.Error,
        record.NextAttemptAt,
        redelivery);
}

/// <summary>The latest redelivery of an event: where it stands and its attempts.</summary>
public sealed record RedeliveryView(NotificationState State, DateTimeOffset RequestedAt, IReadOnlyList<NotificationAttempt> Attempts, DateTimeOffset? DeliveredAt, string? Error);

/// <summary>One page of a merchant's events, and the token of the next (null on the last).</summary>
public sealed record EventPage(IReadOnlyList<EventView> Events, string? NextPageToken);

/// <summary>Which events a list shows: of one checkout, of one type, delivered or not.</summary>
public sealed record EventFilter(string? CheckoutId, string? Type, bool? Delivered)
{
    public bool Matches(EventView view) =>
        (Type is null || view.Type == Type) && (Delivered is not { } delivered || view.Delivered == delivered);
}
