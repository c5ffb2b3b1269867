using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;

namespace CheckoutOrchestrator.Workflows.Rules;

/// <summary>
/// How a reported status moves a checkout: to a final state, onto the timeline as a failed attempt
/// on a page that stays open, as a late payment after the end, or onto the review list when it does
/// not add up. Works on the parts of a <see cref="Checkout"/> it is given.
/// </summary>
internal sealed class CheckoutOutcomes(CheckoutTerms terms, CheckoutLedger ledger, SessionRecord provider, CallbackClaims claims, LookupLog lookups)
{
    public void Apply(ProviderStatus status, StatusSource source, string? detail, DateTimeOffset at)
    {
        provider.Reported(status.Raw);
        var session = provider.Session!;
        if (status.ReviewNote is { } note)
        {
            // Only answers of this release carry a note, so no recorded history meets this branch: no patch.
            ledger.Flag(ReviewReason.ProviderFieldsDisagree, note, at);
        }

        if (status.Reference is { } reference && reference != session.Reference)
        {
            ledger.Flag(ReviewReason.ForeignReference, CheckoutNotes.AnswerForAnotherReference(terms.Provider, reference, session.Reference), at);
            return;
        }

        if (status.Status is not { } reported)
        {
            return;
        }

        if (reported == PaymentStatus.Succeeded && status.PaidAmount is { } paid && paid != terms.Amount.Value)
        {
            ledger.Flag(ReviewReason.AmountMismatch, CheckoutNotes.OtherAmount(terms.Provider, paid, terms.Amount, status.AmountDetail), at);
            return;
        }

        if (ledger.IsFinal)
        {
            if (reported == PaymentStatus.Succeeded)
            {
                RecordLatePayment(status, source, detail ?? "status lookup", at);
            }

            return;
        }

        if (reported == PaymentStatus.Failed && !terms.Capabilities.SessionClosesOnFailure)
        {
            ledger.AttemptFailed(source, at, status.Raw, status.FailureReason ?? detail);
            return;
        }

        Conclude(reported, source, status.Raw, detail, at, status.FailureReason);
    }

    public void Conclude(PaymentStatus status, StatusSource source, string? raw, string? detail, DateTimeOffset at, string? failureReason = null)
    {
        if (status.IsTerminal() && status != PaymentStatus.Succeeded)
        {
            if (claims.UnconfirmedSuccess is { } claim)
            {
                ledger.Flag(ReviewReason.UnconfirmedSuccess, CheckoutNotes.Unconfirmed(claim, terms.Provider), at);
            }

            if (lookups.LastMissedSession && terms.Capabilities.LookupFindsUnpaidSessions)
            {
                ledger.Flag(ReviewReason.SessionMissing, CheckoutNotes.SessionMissing(terms.Provider, provider.Session), at);
            }
        }

        ledger.Record(status, source, at, raw, detail, failureReason);
    }

    /// <summary>An unpaid end nobody could confirm: no lookup exists, or the last one went unanswered.</summary>
    public void FlagUnconfirmedEnd(DateTimeOffset at, string endedAs)
    {
        if (!terms.Capabilities.StatusLookup)
        {
            ledger.Flag(ReviewReason.NoLookupToConfirm, CheckoutNotes.NoLookup(endedAs, claims.Hints), at);
        }
        else if (lookups.LastUnanswered)
        {
            ledger.Flag(ReviewReason.ProviderUnreachable, CheckoutNotes.Unreachable(endedAs, terms.Provider), at);
        }
    }

    private void RecordLatePayment(ProviderStatus status, StatusSource source, string evidence, DateTimeOffset at)
    {
        var session = provider.Session;
        var payment = new LatePayment(
            terms.Amount with { Value = status.PaidAmount ?? terms.Amount.Value },
            status.Raw,
            session?.SessionId,
            session?.PaymentId,
            session?.Reference,
            at,
            source,
            evidence);
        if (ledger.RecordLatePayment(payment))
        {
            ledger.Flag(ReviewReason.LatePayment, CheckoutNotes.LatePayment(ledger.Status), at);
        }
    }
}
