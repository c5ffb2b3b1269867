using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Workflows.Rules;

/// <summary>
/// How an unpaid checkout ends: at a cancel, once a lookup asked after it found no payment; at the
/// deadline, once a lookup asked then found none, after a grace when a payment is in flight or the
/// provider could not be asked. Works on the parts of a <see cref="Checkout"/> it is given.
/// </summary>
internal sealed class EndRules(
    CheckoutTerms terms,
    CheckoutLedger ledger,
    SessionRecord provider,
    LookupLog lookups,
    CallbackClaims claims,
    PendingCancel cancel,
    CheckoutDeadline deadline,
    CheckoutOutcomes outcomes)
{
    /// <summary>Nothing ends while a claim waits for a lookup asked after it arrived.</summary>
    public void Advance(DateTimeOffset now)
    {
        if (ledger.IsFinal || provider.Session is null || claims.ConfirmationWanted)
        {
            return;
        }

        var cannotAsk = !terms.Capabilities.StatusLookup;
        if (cancel.Request is { } request && (cancel.Asked || cannotAsk))
        {
            outcomes.FlagUnconfirmedEnd(now, "Cancelled");
            outcomes.Conclude(PaymentStatus.Cancelled, StatusSource.Cancel, null, request.Reason ?? "Cancelled by the merchant.", now);
            return;
        }

        if (!deadline.Passed(now) || !(deadline.Asked || cannotAsk)
            || ((ledger.Status == PaymentStatus.Processing || lookups.LastUnanswered) && deadline.GiveGrace(now)))
        {
            return;
        }

        outcomes.FlagUnconfirmedEnd(now, ledger.FailedAttempt is null ? "Expired" : "Failed (the customer's attempt failed and nothing was paid by the deadline)");
        if (ledger.FailedAttempt is { } failed)
        {
            outcomes.Conclude(PaymentStatus.Failed, StatusSource.Expiry, failed.ProviderStatus, "The customer's attempt failed and nothing was paid by the deadline.", now, failed.Detail);
        }
        else
        {
            outcomes.Conclude(PaymentStatus.Expired, StatusSource.Expiry, null, "No payment by the deadline.", now);
        }
    }
}
