namespace CheckoutOrchestrator.Api.Webhooks;

/// <summary>What became of a provider event relayed to a checkout.</summary>
public enum SignalResult
{
    Delivered,

    /// <summary>Word of progress, held to travel in the checkout's next signal (see <see cref="ProgressHold"/>).</summary>
    Held,

    /// <summary>The checkout's workflow has closed unpaid; its reconciliation reads the event.</summary>
    Reconciling,

    /// <summary>The checkout is paid and closed: nothing an event says can change it.</summary>
    AlreadyFinished,
    UnknownCheckout,
}
