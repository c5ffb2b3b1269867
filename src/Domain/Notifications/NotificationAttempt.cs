namespace CheckoutOrchestrator.Notifications;

/// <summary>One try at delivering an event to a merchant: when, and what the merchant's endpoint answered.</summary>
public sealed record NotificationAttempt(int Attempt, DateTimeOffset At, int? HttpStatus, string? Error);
