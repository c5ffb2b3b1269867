namespace CheckoutOrchestrator.Checkouts;

/// <summary>
/// Something that happened to the checkout: when, what the provider reported, what told us, and what
/// it did (<see cref="Kind"/>): a status change, a failed attempt on a page that stays open, or money
/// that arrived after the end (with the <see cref="Amount"/> the provider reported).
/// </summary>
public sealed record TimelineEntry(
    DateTimeOffset At,
    PaymentStatus Status,
    StatusSource Source,
    string? ProviderStatus,
    string? Detail,
    TimelineKind Kind = TimelineKind.StatusChanged,
    AmountView? Amount = null);
