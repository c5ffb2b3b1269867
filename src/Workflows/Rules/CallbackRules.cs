using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Workflows.Rules;

/// <summary>
/// What a provider callback does to a checkout: evidence moves it, a hint only buys a lookup, and a
/// claim a lookup must settle waits for one asked after it arrived. Works on the parts of a
/// <see cref="Checkout"/> it is given.
/// </summary>
internal sealed class CallbackRules(CheckoutTerms terms, CheckoutLedger ledger, SessionRecord provider, CallbackClaims claims, CheckoutOutcomes outcomes)
{
    /// <summary>
    /// Takes the <paramref name="news"/>-th arrival. A repeat of an authenticated callback is dropped
    /// by its id. One whose body names another reference is distrusted: it proves nothing, supplies
    /// no id, buys at most a lookup, and puts the checkout on review, since a provider that echoes
    /// something else there may be reporting a real payment.
    /// </summary>
    public CallbackOutcome Take(ProviderEvent callback, int news, DateTimeOffset at)
    {
        if (callback.IsHint)
        {
            TakeHint(callback, at);
            return CallbackOutcome.Taken;
        }

        if (provider.Session is not { } session || !claims.FirstSight(callback))
        {
            return CallbackOutcome.Repeated;
        }

        if (callback.ProviderReference is { } reference && reference != session.Reference)
        {
            if (terms.Changes.ForeignReferenceIsReviewed)
            {
                ledger.Flag(ReviewReason.ForeignReference, CheckoutNotes.CallbackForAnotherReference(terms.Provider, callback, session.Reference), at);
                TakeHint(callback.AsHint(), at);
            }

            return CallbackOutcome.ForAnotherReference;
        }

        provider.LearnPaymentId(callback.ProviderPaymentId);
        if (callback.ReviewNote is { } note)
        {
            ledger.Flag(ReviewReason.ProviderFieldsDisagree, note, at);
        }

        var canLookUp = terms.Capabilities.StatusLookup;
        if (!ledger.IsFinal)
        {
            if ((callback.Evidence == CallbackEvidence.Signature || !canLookUp) && callback.Status is { } status)
            {
                outcomes.Apply(status, StatusSource.Webhook, null, at);
            }
            else if (canLookUp && callback.WorthALookup)
            {
                claims.WantConfirmation(callback, news);
            }

            return CallbackOutcome.Taken;
        }

        if (callback.ClaimsSuccess && canLookUp)
        {
            claims.ClaimedLate(callback, news);
        }
        else if (callback.ClaimsSuccess)
        {
            outcomes.Apply(callback.Status!, StatusSource.Webhook, CheckoutNotes.HowItArrived(callback.Evidence), at);
        }

        return CallbackOutcome.Taken;
    }

    private void TakeHint(ProviderEvent hint, DateTimeOffset at)
    {
        claims.Hints.Received(hint);
        var canLookUp = terms.Capabilities.StatusLookup;
        if (!ledger.IsFinal)
        {
            if (canLookUp && hint.WorthALookup)
            {
                claims.Hints.WantLookup(at);
            }
        }
        else if (hint.ClaimsSuccess && canLookUp)
        {
            claims.Hints.WantLookup(at);
        }
        else if (hint.ClaimsSuccess && ledger.LatePayment is null)
        {
            ledger.Flag(ReviewReason.UnverifiedLateClaim, CheckoutNotes.UnverifiedLateClaim(terms.Provider, hint), at);
        }
    }
}
