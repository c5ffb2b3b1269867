namespace CheckoutOrchestrator.Workflows;

/// <summary>A merchant's (or operator's) request to stop a checkout that has not been paid.</summary>
public sealed record CancelRequest(string? Reason);
