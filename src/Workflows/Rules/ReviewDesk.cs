using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Workflows.Rules;

/// <summary>
/// An operator's answer to a review note. It closes the note and never moves the checkout's status:
/// money an operator confirmed at the provider after an unpaid end is a late payment with the
/// operator as its source (and a note to fulfil or refund), as if a lookup had found it.
/// </summary>
internal sealed class ReviewDesk(CheckoutTerms terms, CheckoutLedger ledger, SessionRecord provider)
{
    public void Resolve(ReviewReason reason, ReviewResolution resolution)
    {
        if (!ledger.Resolve(reason, resolution)
            || resolution.Outcome != ReviewOutcome.ConfirmedPaid
            || !ledger.IsFinal
            || ledger.Status == PaymentStatus.Succeeded)
        {
            return;
        }

        var session = provider.Session;
        var payment = new LatePayment(
            terms.Amount,
            null,
            session?.SessionId,
            session?.PaymentId,
            session?.Reference,
            resolution.At,
            StatusSource.Operator,
            $"confirmed at {terms.Provider} by {resolution.ResolvedBy}: {resolution.Note}");
        if (ledger.RecordLatePayment(payment))
        {
            ledger.Flag(ReviewReason.LatePayment, CheckoutNotes.LatePayment(ledger.Status), resolution.At);
        }
    }
}
