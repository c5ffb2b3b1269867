using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Workflows.Rules;

/// <summary>
/// A lookup the checkout needs now: what prompted it, in words for the timeline, when it was asked
/// and how much news had arrived by then (it answers for nothing that came later), and, for a
/// lookup that must get an answer (the watch's), how long its retries may go on. One bought only by
/// callbacks that prove nothing runs in its provider's smallest lane (<see cref="Providers.ProviderLane.Hints"/>).
/// </summary>
public sealed record StatusLookupNeed(StatusSource Source, string? Detail, DateTimeOffset AskedAt, int NewsSeen, DateTimeOffset? RetryUntil = null, bool BoughtByHint = false);
