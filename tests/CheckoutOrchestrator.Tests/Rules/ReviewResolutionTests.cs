using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Workflows;
using CheckoutOrchestrator.Workflows.Rules;
using Xunit;
using static CheckoutOrchestrator.Tests.Rules.RuleBook;

namespace CheckoutOrchestrator.Tests.Rules;

/// <summary>An operator's resolution closes a review note, never moves the status, and is told once; a note found at the end is told with the end.</summary>
public sealed class ReviewResolutionTests
{
    [Fact]
    public void Confirmed_paid_after_an_unpaid_end_records_a_late_payment_by_the_operator_and_asks_to_fulfil_or_refund()
    {
        var checkout = EndedWithoutWord();

        checkout.Resolve(ReviewReason.NoLookupToConfirm, Resolution(ReviewOutcome.ConfirmedPaid, "paid in the Chpter dashboard, txn 42"));
        var snapshot = checkout.Snapshot([]);

        Assert.Equal(PaymentStatus.Expired, snapshot.Status);
        Assert.Equal(StatusSource.Operator, snapshot.LatePayment!.Source);
        Assert.Contains("ops@example.com", snapshot.LatePayment.Evidence, StringComparison.Ordinal);
        Assert.Equal([ReviewReason.LatePayment], snapshot.OpenReviewReasons);
        Assert.True(snapshot.NeedsReview);
    }

    [Theory]
    [InlineData(ReviewOutcome.ConfirmedUnpaid)]
    [InlineData(ReviewOutcome.Refunded)]
    [InlineData(ReviewOutcome.Fulfilled)]
    [InlineData(ReviewOutcome.Dismissed)]
    public void Any_other_outcome_closes_the_note_with_who_and_when_and_records_no_money(ReviewOutcome outcome)
    {
        var checkout = EndedWithoutWord();

        checkout.Resolve(ReviewReason.NoLookupToConfirm, Resolution(outcome, "checked"));
        var snapshot = checkout.Snapshot([]);

        var note = Assert.Single(snapshot.ReviewNotes);
        Assert.Equal((outcome, "ops@example.com", "checked"), (note.Resolution!.Outcome, note.Resolution.ResolvedBy, note.Resolution.Note));
        Assert.Null(snapshot.LatePayment);
        Assert.False(snapshot.NeedsReview);
        Assert.Equal(PaymentStatus.Expired, snapshot.Status);
    }

    [Fact]
    public void A_second_resolution_of_a_note_and_one_for_a_reason_never_noted_are_refused()
    {
        var checkout = EndedWithoutWord();
        Assert.Null(CheckoutRefusals.ForResolution(checkout.Snapshot([]).ReviewNotes, ReviewReason.NoLookupToConfirm));

        checkout.Resolve(ReviewReason.NoLookupToConfirm, Resolution(ReviewOutcome.Dismissed, "noise"));
        var notes = checkout.Snapshot([]).ReviewNotes;

        Assert.Equal(CheckoutErrorTypes.ReviewResolved, CheckoutRefusals.ForResolution(notes, ReviewReason.NoLookupToConfirm)!.ErrorType);
        Assert.Equal(CheckoutErrorTypes.NoSuchReview, CheckoutRefusals.ForResolution(notes, ReviewReason.AmountMismatch)!.ErrorType);
    }

    [Fact]
    public void Resolving_the_last_open_note_takes_the_checkout_off_the_list_and_tells_the_merchant_once()
    {
        var checkout = EndedWithoutWord();
        var told = CheckoutPublisher.Changes(Published.AtStart, checkout.Snapshot([]), listProgress: true, listReasons: true).Next;

        checkout.Resolve(ReviewReason.NoLookupToConfirm, Resolution(ReviewOutcome.ConfirmedUnpaid, "nothing at Chpter"));
        var resolved = CheckoutPublisher.Changes(told, checkout.Snapshot([]), listProgress: true, listReasons: true);
        var again = CheckoutPublisher.Changes(resolved.Next, checkout.Snapshot([]), listProgress: true, listReasons: true);

        Assert.Contains(resolved.Updates, u => u.UntypedKey.Name == CheckoutSearchAttributes.NeedsReview.Name);
        Assert.Contains(resolved.Updates, u => u.UntypedKey.Name == CheckoutSearchAttributes.ReviewReasons.Name);
        Assert.Equal([new MerchantEventToSend(MerchantEventTypes.ReviewResolved, ReviewReason.NoLookupToConfirm)], resolved.Events);
        Assert.Empty(again.Updates);
        Assert.Empty(again.Events);
        Assert.Empty(CheckoutPublisher.Changes(Published.AllOf(checkout.Snapshot([])), checkout.Snapshot([]), listProgress: true, listReasons: true).Events);
    }

    [Fact]
    public void A_run_that_does_not_list_reasons_writes_only_what_it_wrote_before()
    {
        var checkout = EndedWithoutWord();

        var publication = CheckoutPublisher.Changes(Published.AtStart, checkout.Snapshot([]), listProgress: true, listReasons: false);

        Assert.DoesNotContain(publication.Updates, u => u.UntypedKey.Name == CheckoutSearchAttributes.ReviewReasons.Name);
        Assert.Contains(publication.Updates, u => u.UntypedKey.Name == CheckoutSearchAttributes.NeedsReview.Name);
    }

    [Fact]
    public void A_review_found_as_the_checkout_ends_rides_the_end_event_and_one_found_later_gets_its_own()
    {
        var checkout = EndedWithoutWord();
        Assert.True(CheckoutPublisher.EndBringsReviews(Published.AtStart, checkout.Snapshot([])));

        var atTheEnd = CheckoutPublisher.Changes(Published.AtStart, checkout.Snapshot([]), listProgress: true, reviewsRideTheEnd: true);
        var before11 = CheckoutPublisher.Changes(Published.AtStart, checkout.Snapshot([]), listProgress: true, reviewsRideTheEnd: false);
        checkout.Take(Event("evt-late", PaymentStatus.Succeeded, CallbackEvidence.Signature, paid: 1m), checkout.Deadline.AddHours(1));
        var later = CheckoutPublisher.Changes(atTheEnd.Next, checkout.Snapshot([]), listProgress: true, reviewsRideTheEnd: true);

        Assert.Equal([new MerchantEventToSend(MerchantEventTypes.Expired, null)], atTheEnd.Events);
        Assert.Contains(ReviewReason.NoLookupToConfirm, atTheEnd.Next.ReviewsTold);
        Assert.Equal(2, before11.Events.Count);
        Assert.False(CheckoutPublisher.EndBringsReviews(atTheEnd.Next, checkout.Snapshot([])));
        Assert.Single(later.Events, e => e.Type == MerchantEventTypes.NeedsReview);
    }

    /// <summary>A Chpter checkout (no status lookup) that expired without word: on review, no_lookup_to_confirm.</summary>
    private static Checkout EndedWithoutWord()
    {
        var checkout = Opened(PaymentProvider.Chpter, expiresInSeconds: 300);
        checkout.Advance(checkout.Deadline);
        Assert.Equal([ReviewReason.NoLookupToConfirm], checkout.Snapshot([]).OpenReviewReasons);
        return checkout;
    }

    private static ReviewResolution Resolution(ReviewOutcome outcome, string note) => new(outcome, note, "ops@example.com", Start.AddHours(2));
}
