namespace CheckoutOrchestrator.Checkouts;

/// <summary>
/// How a checkout that named no provider found one: the providers that take it in the order tried,
/// the one that opened the session, and why each one before it was passed over (none were: it did
/// not fail over).
/// </summary>
public sealed record RoutingView(IReadOnlyList<string> Providers, string Chosen, bool FailedOver, IReadOnlyList<string> PassedOver);
