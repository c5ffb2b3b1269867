using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Providers;

namespace CheckoutOrchestrator.Workflows;

/// <summary>When the checkout asks the provider where its session stands, and what the answer does.</summary>
public sealed partial class Checkout
{
    /// <summary>The lookup due now, if any: one lookup serves every reason it is due for.</summary>
    public StatusLookupNeed? LookupDue(DateTimeOffset now)
    {
        if (!Capabilities.StatusLookup || session is null)
        {
            return null;
        }

        if (!IsFinal)
        {
            return (cancel, now >= deadline) switch
            {
                ({ }, _) => cancelAsked ? null : new(StatusSource.Cancel, "last check before cancelling"),
                (null, true) when deadlineAsked != deadline => new(StatusSource.Expiry, "last check at the deadline"),
                _ when confirmWanted => new(StatusSource.Webhook, "callback confirmed by status lookup"),
                _ when hints.LookupDue(now) => new(StatusSource.Webhook, "callback without our token; asked the provider"),
                _ when now >= polls!.NextAt => new(StatusSource.Poll, null),
                _ => null,
            };
        }

        if (confirmWanted)
        {
            return new(StatusSource.Webhook, "callback after the end, confirmed by status lookup");
        }

        if (hints.LookupDue(now))
        {
            return new(StatusSource.Webhook, "callback without our token after the end; asked the provider");
        }

        return watchLookups.TryPeek(out var watchAt) && now >= watchAt
            ? new(StatusSource.Poll, "late-payment watch", RetryUntil: watchUntil)
            : null;
    }

    /// <summary>Takes what a lookup answered, or that it could not be made (null): that is no evidence of anything.</summary>
    public void TakeLookup(StatusLookupNeed need, ProviderStatus? answer, DateTimeOffset at)
    {
        var watchLookup = IsFinal && watchLookups.TryPeek(out var watchAt) && at >= watchAt;
        MarkServed(at, watchLookup);
        lastLookupUnanswered = answer is null;
        if (answer is not null)
        {
            lastLookupMissedSession = answer.SessionMissing;
            Apply(answer, need.Source, need.Detail ?? "status lookup", at);
        }

        hints.Looked(at, IsFinal || (answer?.Status is { } answered && answered.IsTerminal()));
        if (lateClaim is { } claim && ledger.LatePayment is null)
        {
            ledger.Flag(ReviewReason.ContradictedClaim, CheckoutNotes.Contradicted(claim, terms.Provider, answer), at);
        }

        lateClaim = null;
        if (watchLookup && answer is null)
        {
            ledger.Flag(ReviewReason.ProviderUnreachable, CheckoutNotes.WatchUnanswered(terms.Provider, at), at);
        }

        watchAnswered |= watchLookup && answer is not null && watchLookups.Count == 0;
    }

    private void MarkServed(DateTimeOffset at, bool watchLookup)
    {
        confirmWanted = false;
        if (cancel is not null)
        {
            cancelAsked = true;
        }

        if (!IsFinal && at >= deadline)
        {
            deadlineAsked = deadline;
        }

        if (polls is not null && at >= polls.NextAt)
        {
            polls.Advance(at);
        }

        if (watchLookup)
        {
            watchLookups.Dequeue();
        }
    }
}
