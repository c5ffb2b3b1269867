using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Workflows;

/// <summary>
/// A lookup the checkout needs now: what prompted it, in words for the timeline, and, for a lookup
/// that must get an answer (the watch's), how long its retries may go on.
/// </summary>
public sealed record StatusLookupNeed(StatusSource Source, string? Detail, DateTimeOffset? RetryUntil = null);
