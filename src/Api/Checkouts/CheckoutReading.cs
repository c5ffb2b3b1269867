using CheckoutOrchestrator.Workflows;

namespace CheckoutOrchestrator.Api.Checkouts;

/// <summary>A checkout as read, and how long its history was then (so a wait can skip what was already seen).</summary>
public sealed record CheckoutReading(CheckoutSnapshot Snapshot, int HistoryLength, bool IsRunning);
