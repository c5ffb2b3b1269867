namespace CheckoutOrchestrator.Simulators.Infrastructure;

/// <summary>Marks an endpoint as part of a provider's API, so request faults and latency apply to it.</summary>
public sealed record ProviderApiEndpoint(string Provider);
