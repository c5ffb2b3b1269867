using CheckoutOrchestrator.Providers;

namespace CheckoutOrchestrator.Workflows;

/// <summary>A closed checkout as it ended, and what its provider can do, for reconciling what the provider says now.</summary>
public sealed record ReconciliationInput(CheckoutSnapshot Checkout, ProviderCapabilities Capabilities);
