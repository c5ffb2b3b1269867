using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Providers;

/// <summary>What the provider said, carried as the details of an application failure.</summary>
public sealed record ProviderErrorDetails(
    PaymentProvider Provider,
    ProviderOperation Operation,
    int? HttpStatus,
    string? Code,
    string? Message);
