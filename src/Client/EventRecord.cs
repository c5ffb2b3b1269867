namespace CheckoutOrchestrator.Client;

/// <summary>An event sent to the merchant, as GET /events lists it: what it told and where its delivery stands.</summary>
public sealed record EventRecord(
    string Id,
    string Type,
    string CheckoutId,
    string? Reason,
    DateTimeOffset CreatedAt,
    string State,
    IReadOnlyList<DeliveryAttempt> Attempts,
    DateTimeOffset? DeliveredAt,
    string? Error,
    DateTimeOffset? NextAttemptAt,
    EventRedelivery? Redelivery,
    bool Delivered);

/// <summary>The latest redelivery of an event.</summary>
public sealed record EventRedelivery(string State, DateTimeOffset RequestedAt, IReadOnlyList<DeliveryAttempt> Attempts, DateTimeOffset? DeliveredAt, string? Error);

/// <summary>A page of events, as the API answers it.</summary>
public sealed record EventPage(IReadOnlyList<EventRecord> Events, string? NextPageToken);

/// <summary>Which events to list; every filter is optional.</summary>
public sealed record EventListFilter
{
    /// <summary>Only the events of this checkout.</summary>
    public string? CheckoutId { get; init; }

    /// <summary>One of <see cref="Events.CheckoutEventTypes"/>.</summary>
    public string? Type { get; init; }

    /// <summary>Only events the endpoint took (true), or only the others.</summary>
    public bool? Delivered { get; init; }

    /// <summary>Events per page fetched (1 to 100); the enumeration itself goes through every page.</summary>
    public int? PageSize { get; init; }
}
