using CheckoutOrchestrator.Providers;

namespace CheckoutOrchestrator.Workflows;

/// <summary>
/// A closed checkout as it ended, what its provider can do, and the queue of its provider's calls
/// (null: the workflow's), for reconciling what the provider says now.
/// </summary>
public sealed record ReconciliationInput(CheckoutSnapshot Checkout, ProviderCapabilities Capabilities, string? ProviderTaskQueue = null);
