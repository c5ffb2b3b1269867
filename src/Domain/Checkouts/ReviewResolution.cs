namespace CheckoutOrchestrator.Checkouts;

/// <summary>How a review note was closed: the outcome, the operator's words, who (their token's identity) and when.</summary>
public sealed record ReviewResolution(ReviewOutcome Outcome, string Note, string ResolvedBy, DateTimeOffset At);
