using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Workflows.Rules;

/// <summary>
/// When a checkout asks its provider where the session stands, and what the answer settles: only
/// what arrived before the lookup was asked, since the provider read its state then. Works on the
/// parts of a <see cref="Checkout"/> it is given.
/// </summary>
internal sealed class LookupRules(
    CheckoutTerms terms,
    CheckoutLedger ledger,
    SessionRecord provider,
    LookupLog lookups,
    CallbackClaims claims,
    PendingCancel cancel,
    CheckoutDeadline deadline,
    LateWatch watch,
    CheckoutOutcomes outcomes)
{
    public StatusLookupNeed? Due(DateTimeOffset now)
    {
        if (!terms.Capabilities.StatusLookup || provider.Session is null)
        {
            return null;
        }

        if (ledger.IsFinal)
        {
            return claims.ConfirmationWanted ? lookups.Need(StatusSource.Webhook, "callback after the end, confirmed by status lookup", now)
                : claims.Hints.LookupDue(now) ? lookups.Need(StatusSource.Webhook, "callback without our token after the end; asked the provider", now, boughtByHint: true)
                : watch.LookupDue(now) ? lookups.Need(StatusSource.Poll, "late-payment watch", now, retryUntil: watch.Until)
                : null;
        }

        if (cancel.Request is not null)
        {
            return !cancel.Asked ? lookups.Need(StatusSource.Cancel, "last check before cancelling", now)
                : claims.ConfirmationWanted ? lookups.Need(StatusSource.Webhook, "callback confirmed by status lookup", now)
                : null;
        }

        return deadline.Passed(now) && !deadline.Asked ? lookups.Need(StatusSource.Expiry, "last check at the deadline", now)
            : claims.ConfirmationWanted ? lookups.Need(StatusSource.Webhook, "callback confirmed by status lookup", now)
            : claims.Hints.LookupDue(now) ? lookups.Need(StatusSource.Webhook, "callback without our token; asked the provider", now, boughtByHint: true)
            : deadline.PollDue(now) ? lookups.Need(StatusSource.Poll, null, now)
            : null;
    }

    public void Take(StatusLookupNeed need, ProviderStatus? answer, DateTimeOffset at)
    {
        var lateClaim = claims.Looked(need, terms.Changes);
        cancel.Looked(need, terms.Changes);
        deadline.Looked(need, at, ledger.IsFinal, terms.Changes);
        var watchLookup = ledger.IsFinal && watch.Looked(at, answer is not null);
        lookups.Answered(answer);
        if (answer is not null)
        {
            outcomes.Apply(answer, need.Source, need.Detail ?? "status lookup", at);
        }

        claims.Hints.Looked(need, at, ledger.IsFinal || (answer?.Status is { } answered && answered.IsTerminal()), terms.Changes);
        if (lateClaim is not null && ledger.LatePayment is null)
        {
            ledger.Flag(ReviewReason.ContradictedClaim, CheckoutNotes.Contradicted(lateClaim, terms.Provider, answer), at);
        }

        if (watchLookup && answer is null)
        {
            ledger.Flag(ReviewReason.ProviderUnreachable, CheckoutNotes.WatchUnanswered(terms.Provider, at), at);
        }
    }
}
