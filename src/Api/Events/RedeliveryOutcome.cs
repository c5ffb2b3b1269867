namespace CheckoutOrchestrator.Api.Events;

/// <summary>How a redelivery request went.</summary>
public enum RedeliveryResult
{
    Started,
    StillDelivering,
    NotFound,
}

/// <summary>A redelivery request's result, and the event as it stands.</summary>
public sealed record RedeliveryOutcome(RedeliveryResult Result, EventView? Event = null);
