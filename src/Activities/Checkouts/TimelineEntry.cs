namespace CheckoutOrchestrator.Checkouts;

/// <summary>One status change, when it happened, what reported it and what the provider said.</summary>
public sealed record TimelineEntry(DateTimeOffset At, PaymentStatus Status, StatusSource Source, string? ProviderStatus, string? Detail);
