using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Workflows;

/// <summary>An operator's resolution of a checkout's review note; <paramref name="ResolvedBy"/> is the identity of their token, never a secret.</summary>
public sealed record ReviewResolutionRequest(ReviewReason Reason, ReviewOutcome Outcome, string Note, string ResolvedBy);
