namespace CheckoutOrchestrator.Workflows;

/// <summary>
/// Changes to the checkout workflow's commands, each behind <c>Workflow.Patched</c>: a checkout
/// started before a change keeps running the way it started, so its history still replays.
/// </summary>
public static class CheckoutPatches
{
    /// <summary>
    /// Merchant events, review flags and late payments as search attributes, the late-payment
    /// watch after a checkout ends, and review instead of a quiet expiry for unconfirmed payments.
    /// </summary>
    public const string NeverLoseAPayment = "never-lose-a-payment";

    /// <summary>
    /// Fewer billed actions: no search-attribute upsert when a session opens unless it says something
    /// a start could not (a status other than pending, the provider ids Adullam's account-level
    /// webhooks are routed by; our own reference is set at start, which is not billed), and one
    /// timer per poll or deadline that the callbacks waking the checkout before it do not restart.
    /// </summary>
    public const string FewerBilledActions = "fewer-billed-actions";

    /// <summary>
    /// A cancel at a provider with no status lookup goes on review, as its expiry already did:
    /// nothing can confirm the customer did not pay on the provider's page meanwhile.
    /// </summary>
    public const string ReviewUnconfirmableCancel = "review-unconfirmable-cancel";

    /// <summary>
    /// The checkout is created when its workflow starts (the start event's time, which the API reads
    /// from history to answer POST /checkouts without an update), and its timeline begins then.
    /// </summary>
    public const string CreatedAtStart = "created-at-start";

    /// <summary>
    /// Progress short of a final status costs no action of its own: a callback saying a payment is
    /// under way is recorded at once but written to the status search attribute at the checkout's
    /// next wake-up (poll or deadline) or with the final status, whichever comes first; and an
    /// unauthenticated one saying only that is not confirmed by a lookup of its own.
    /// </summary>
    public const string ProgressAtWakeUp = "progress-at-wake-up";
}
