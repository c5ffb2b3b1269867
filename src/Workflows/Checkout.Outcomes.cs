using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Providers;

namespace CheckoutOrchestrator.Workflows;

/// <summary>How a status is applied: a final state, a review note, or a late payment.</summary>
public sealed partial class Checkout
{
    private void Apply(ProviderStatus status, StatusSource source, string? detail, DateTimeOffset at)
    {
        providerStatus = status.Raw;
        if (status.Reference is { } reference && reference != session!.Reference)
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

        if (IsFinal)
        {
            if (reported == PaymentStatus.Succeeded)
            {
                RecordLatePayment(status, source, detail ?? "status lookup", at);
            }

            return;
        }

        if (reported == PaymentStatus.Failed && !Capabilities.SessionClosesOnFailure)
        {
            ledger.AttemptFailed(source, at, status.Raw, status.FailureReason ?? detail);
            failedAttempt = ledger.Timeline[^1];
            return;
        }

        Conclude(reported, source, status.Raw, detail, at, status.FailureReason);
    }

    private void Conclude(PaymentStatus status, StatusSource source, string? raw, string? detail, DateTimeOffset at, string? failureReason = null)
    {
        if (status.IsTerminal() && status != PaymentStatus.Succeeded)
        {
            if (unconfirmedSuccess is { } claim)
            {
                ledger.Flag(ReviewReason.UnconfirmedSuccess, CheckoutNotes.Unconfirmed(claim, terms.Provider), at);
            }

            if (lastLookupMissedSession && Capabilities.LookupFindsUnpaidSessions)
            {
                ledger.Flag(ReviewReason.SessionMissing, CheckoutNotes.SessionMissing(terms.Provider, session), at);
            }
        }

        ledger.Record(status, source, at, raw, detail, failureReason);
    }

    /// <summary>An unpaid end nobody could confirm: no lookup exists, or the last one went unanswered.</summary>
    private void FlagUnconfirmedEnd(DateTimeOffset at, string endedAs)
    {
        if (!Capabilities.StatusLookup)
        {
            ledger.Flag(ReviewReason.NoLookupToConfirm, CheckoutNotes.NoLookup(endedAs, hints), at);
        }
        else if (lastLookupUnanswered)
        {
            ledger.Flag(ReviewReason.ProviderUnreachable, CheckoutNotes.Unreachable(endedAs, terms.Provider), at);
        }
    }

    private void RecordLatePayment(ProviderStatus status, StatusSource source, string evidence, DateTimeOffset at)
    {
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
