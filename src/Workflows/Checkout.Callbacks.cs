using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Providers;

namespace CheckoutOrchestrator.Workflows;

/// <summary>What a provider callback does to a checkout: evidence moves it, a hint only buys a lookup.</summary>
public sealed partial class Checkout
{
    /// <summary>
    /// Takes a provider callback. A repeat of an authenticated one is dropped by its id; one whose
    /// body names another checkout's reference changes nothing and is reported as distrusted (a
    /// security event, never a reason for review by itself).
    /// </summary>
    public CallbackOutcome Take(ProviderEvent callback, DateTimeOffset at)
    {
        if (callback.IsHint)
        {
            TakeHint(callback, at);
            return CallbackOutcome.Taken;
        }

        if (session is null || !seenEventIds.Add(callback.EventId))
        {
            return CallbackOutcome.Repeated;
        }

        if (callback.ProviderReference is { } reference && reference != session.Reference)
        {
            return CallbackOutcome.ForAnotherReference;
        }

        LearnPaymentId(callback);

        if (callback.ReviewNote is { } note)
        {
            ledger.Flag(ReviewReason.ProviderFieldsDisagree, note, at);
        }

        var provenByItself = callback.Evidence == CallbackEvidence.Signature || !Capabilities.StatusLookup;
        if (!IsFinal)
        {
            if (provenByItself && callback.Status is { } status)
            {
                Apply(status, StatusSource.Webhook, null, at);
                return CallbackOutcome.Taken;
            }

            confirmWanted |= Capabilities.StatusLookup && callback.WorthALookup;
            unconfirmedSuccess = callback.ClaimsSuccess ? unconfirmedSuccess ?? callback : unconfirmedSuccess;
            return CallbackOutcome.Taken;
        }

        if (!callback.ClaimsSuccess)
        {
            return CallbackOutcome.Taken;
        }

        if (Capabilities.StatusLookup)
        {
            confirmWanted = true;
            lateClaim ??= callback;
        }
        else
        {
            Apply(callback.Status!, StatusSource.Webhook, CheckoutNotes.HowItArrived(callback.Evidence), at);
        }

        return CallbackOutcome.Taken;
    }

    private void TakeHint(ProviderEvent hint, DateTimeOffset at)
    {
        hints.Received(hint);
        if (!IsFinal)
        {
            if (Capabilities.StatusLookup && hint.WorthALookup)
            {
                hints.WantLookup(at);
            }

            return;
        }

        if (!hint.ClaimsSuccess)
        {
            return;
        }

        if (Capabilities.StatusLookup)
        {
            hints.WantLookup(at);
        }
        else if (ledger.LatePayment is null)
        {
            ledger.Flag(ReviewReason.UnverifiedLateClaim, CheckoutNotes.UnverifiedLateClaim(terms.Provider, hint), at);
        }
    }

    /// <summary>Waftpay returns no id at create; the newest id its authenticated callbacks name is the one its query is asked by.</summary>
    private void LearnPaymentId(ProviderEvent callback)
    {
        if (callback.ProviderPaymentId is { Length: > 0 } paymentId && session is not null && session.PaymentId != paymentId)
        {
            session = session with { PaymentId = paymentId };
        }
    }
}
