namespace CheckoutOrchestrator.Api.Webhooks;

/// <summary>What became of a provider event relayed to a checkout.</summary>
public enum SignalResult
{
    Delivered,

    /// <summary>The checkout's workflow has closed unpaid; its reconciliation reads the event.</summary>
    Reconciling,

    /// <summary>The checkout is paid and closed: nothing an event says can change it.</summary>
    AlreadyFinished,
    UnknownCheckout,
}
