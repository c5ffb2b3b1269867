using CheckoutOrchestrator.Providers;

namespace CheckoutOrchestrator.Workflows;

/// <summary>
/// A closed checkout as it stands (as it ended, or as a previous run of its reconciliation left
/// it), what its provider can do, and the queue of its provider's calls (null: the workflow's).
/// </summary>
public sealed record ReconciliationInput(CheckoutSnapshot Checkout, ProviderCapabilities Capabilities, string? ProviderTaskQueue = null, bool EventIdsNameCheckout = false);
