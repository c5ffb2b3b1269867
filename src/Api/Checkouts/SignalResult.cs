namespace CheckoutOrchestrator.Api.Checkouts;

/// <summary>What became of a provider event relayed to a checkout.</summary>
public enum SignalResult
{
    Delivered,
    AlreadyFinished,
    UnknownCheckout,
}
