using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Notifications;

/// <summary>The JSON body a merchant's endpoint receives. Receivers dedupe on <see cref="Id"/>.</summary>
public sealed record MerchantEvent(string Id, string Type, DateTimeOffset CreatedAt, CheckoutView Checkout);
