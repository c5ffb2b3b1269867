using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Callbacks;

/// <summary>A callback exactly as it reached us: the raw body and the checkout and token from its URL.</summary>
public sealed record ProviderCallback(PaymentProvider Provider, string RawBody, string? CheckoutId, string? Token, DateTimeOffset ReceivedAt);
