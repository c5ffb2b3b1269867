namespace CheckoutOrchestrator.Checkouts;

/// <summary>An amount in major units (shillings, birr, francs) of an ISO-4217 currency.</summary>
public sealed record Money(decimal Value, string Currency);
