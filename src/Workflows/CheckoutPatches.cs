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
}
