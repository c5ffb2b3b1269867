namespace CheckoutOrchestrator.Api.Checkouts;

/// <summary>The optional body of POST /checkouts/{id}/cancel: why, for the timeline.</summary>
public sealed record CancelCheckoutBody(string? Reason);
