using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Workflows;
using CheckoutOrchestrator.Workflows.Rules;
using Xunit;
using static CheckoutOrchestrator.Tests.Rules.RuleBook;

namespace CheckoutOrchestrator.Tests.Rules;

/// <summary>
/// A lookup confirms or refutes only what happened before the provider read its state: a claim, a
/// cancel or a deadline that arrives while a lookup is in flight is judged by a lookup asked after it.
/// Each test asks a lookup (LookupDue), lets something arrive, then hands in the answer (TakeLookup).
/// </summary>
public sealed class LookupTimingTests
{
    private static readonly ProviderEvent TokenedSuccess = Event("evt-paid", PaymentStatus.Succeeded, CallbackEvidence.Token);

    [Fact]
    public void A_claim_before_a_lookup_is_settled_by_it()
    {
        var checkout = Opened(PaymentProvider.Kiotapay);

        checkout.Take(TokenedSuccess, Start.AddMinutes(1));
        checkout.LookUp(Start.AddMinutes(1), Pending);

        Assert.Equal(PaymentStatus.Pending, checkout.Status);
        Assert.Null(checkout.LookupDue(Start.AddMinutes(2)));
    }

    [Fact]
    public void A_claim_that_arrives_during_a_poll_is_asked_about_again_at_once_and_a_payment_found_then_succeeds()
    {
        var checkout = Opened(PaymentProvider.Kiotapay);
        var pollAt = Start.AddMinutes(15);

        var poll = checkout.LookupDue(pollAt)!;
        checkout.Take(TokenedSuccess, pollAt.AddSeconds(1));
        checkout.TakeLookup(poll, Pending, pollAt.AddSeconds(2));

        var again = checkout.LookupDue(pollAt.AddSeconds(2));
        Assert.Equal((StatusSource.Poll, StatusSource.Webhook), (poll.Source, again?.Source));
        checkout.TakeLookup(again!, Paid, pollAt.AddSeconds(3));
        Assert.Equal(PaymentStatus.Succeeded, checkout.Status);
    }

    [Fact]
    public void A_claim_after_a_lookup_asks_for_its_own()
    {
        var checkout = Opened(PaymentProvider.Kiotapay);
        checkout.LookUp(Start.AddMinutes(15), Pending);

        checkout.Take(TokenedSuccess, Start.AddMinutes(16));

        Assert.Equal(StatusSource.Webhook, checkout.LookupDue(Start.AddMinutes(16))?.Source);
    }

    [Fact]
    public void A_success_claimed_while_the_cancels_lookup_is_in_flight_is_not_cancelled_by_that_lookup()
    {
        var checkout = Opened(PaymentProvider.Kiotapay);
        checkout.RequestCancel(new CancelRequest(null));
        var cancelsLookup = checkout.LookupDue(Start.AddMinutes(1))!;

        checkout.Take(TokenedSuccess, Start.AddMinutes(1).AddMilliseconds(33));
        checkout.TakeLookup(cancelsLookup, Pending, Start.AddMinutes(1).AddSeconds(1));
        checkout.Advance(Start.AddMinutes(1).AddSeconds(1));
        Assert.False(checkout.IsFinal);

        checkout.LookUp(Start.AddMinutes(1).AddSeconds(1), Paid);
        checkout.Advance(Start.AddMinutes(1).AddSeconds(2));
        Assert.Equal(PaymentStatus.Succeeded, checkout.Status);
    }

    [Fact]
    public void A_claim_during_the_cancels_lookup_that_a_later_lookup_cannot_confirm_ends_cancelled_on_review()
    {
        var checkout = Opened(PaymentProvider.Kiotapay);
        checkout.RequestCancel(new CancelRequest(null));
        var cancelsLookup = checkout.LookupDue(Start.AddMinutes(1))!;
        checkout.Take(TokenedSuccess, Start.AddMinutes(1));
        checkout.TakeLookup(cancelsLookup, Pending, Start.AddMinutes(1));

        checkout.LookUp(Start.AddMinutes(1), Pending);
        checkout.Advance(Start.AddMinutes(1));

        Assert.Equal(PaymentStatus.Cancelled, checkout.Status);
        Assert.Equal([ReviewReason.UnconfirmedSuccess], checkout.Snapshot([]).ReviewNotes.Select(n => n.Reason));
    }

    [Fact]
    public void A_cancel_that_arrives_during_a_poll_waits_for_a_lookup_asked_after_it()
    {
        var checkout = Opened(PaymentProvider.Kiotapay);
        var pollAt = Start.AddMinutes(15);

        var poll = checkout.LookupDue(pollAt)!;
        checkout.RequestCancel(new CancelRequest(null));
        checkout.TakeLookup(poll, Pending, pollAt.AddSeconds(1));
        checkout.Advance(pollAt.AddSeconds(1));
        Assert.False(checkout.IsFinal);

        var last = checkout.LookUp(pollAt.AddSeconds(1), Pending);
        checkout.Advance(pollAt.AddSeconds(2));
        Assert.Equal((StatusSource.Cancel, PaymentStatus.Cancelled), (last.Source, checkout.Status));
    }

    [Fact]
    public void A_claim_during_the_deadlines_lookup_keeps_the_checkout_open_until_a_later_lookup_answers()
    {
        var checkout = Opened(PaymentProvider.Kiotapay, expiresInSeconds: 300);
        var deadline = checkout.Deadline;

        var last = checkout.LookupDue(deadline)!;
        checkout.Take(TokenedSuccess, deadline.AddSeconds(1));
        checkout.TakeLookup(last, Pending, deadline.AddSeconds(2));
        checkout.Advance(deadline.AddSeconds(2));
        Assert.False(checkout.IsFinal);

        checkout.LookUp(deadline.AddSeconds(2), Paid);
        Assert.Equal((StatusSource.Expiry, PaymentStatus.Succeeded), (last.Source, checkout.Status));
    }

    [Fact]
    public void A_poll_asked_before_the_deadline_is_not_the_deadlines_lookup()
    {
        var checkout = Opened(PaymentProvider.Kiotapay, expiresInSeconds: 905);
        var deadline = checkout.Deadline;

        var poll = checkout.LookupDue(deadline.AddSeconds(-5));
        checkout.TakeLookup(poll!, Pending, deadline.AddSeconds(1));
        checkout.Advance(deadline.AddSeconds(1));

        Assert.False(checkout.IsFinal);
        Assert.Equal(StatusSource.Expiry, checkout.LookupDue(deadline.AddSeconds(1))?.Source);
    }

    [Fact]
    public void A_late_claim_is_judged_only_by_a_lookup_asked_after_it()
    {
        var checkout = Ended(PaymentProvider.Kiotapay, out var endedAt);
        var watchLookup = checkout.LookupDue(endedAt.AddHours(24))!;

        checkout.Take(Event("late", PaymentStatus.Succeeded, CallbackEvidence.Token), endedAt.AddHours(24).AddSeconds(1));
        checkout.TakeLookup(watchLookup, Pending, endedAt.AddHours(24).AddSeconds(2));
        Assert.Empty(checkout.Snapshot([]).ReviewNotes);

        checkout.LookUp(endedAt.AddHours(24).AddSeconds(2), Paid);
        Assert.NotNull(checkout.Snapshot([]).LatePayment);
    }

    [Fact]
    public void A_hint_that_arrives_during_a_lookup_gets_its_own_an_interval_after_that_one_was_asked()
    {
        var checkout = Opened(PaymentProvider.Kiotapay);
        var pollAt = Start.AddMinutes(15);

        var poll = checkout.LookupDue(pollAt)!;
        checkout.Take(Event("hint", PaymentStatus.Succeeded, CallbackEvidence.Hint), pollAt.AddSeconds(1));
        checkout.TakeLookup(poll, Pending, pollAt.AddSeconds(2));

        Assert.Null(checkout.LookupDue(pollAt.AddSeconds(2)));
        Assert.Equal(pollAt + CheckoutHints.Interval, checkout.NextWakeUp());
    }

    [Fact]
    public void Claims_that_keep_arriving_during_every_lookup_hold_a_cancel_off_only_a_bounded_number_of_times()
    {
        var checkout = Opened(PaymentProvider.Kiotapay);
        checkout.RequestCancel(new CancelRequest(null));
        var lookups = 0;
        for (var second = 1; !checkout.IsFinal && second < 100; second++)
        {
            var now = Start.AddSeconds(second);
            var need = checkout.LookupDue(now)!;
            checkout.Take(Event($"flood-{second}", PaymentStatus.Succeeded, CallbackEvidence.Token), now);
            checkout.TakeLookup(need, Pending, now);
            checkout.Advance(now);
            lookups++;
        }

        Assert.Equal(PaymentStatus.Cancelled, checkout.Status);
        Assert.Equal(1 + CallbackClaims.MaxDeferrals, lookups);
        Assert.Contains(checkout.Snapshot([]).ReviewNotes, n => n.Reason == ReviewReason.UnconfirmedSuccess);
    }

    [Fact]
    public void At_a_provider_without_lookup_a_success_after_a_failed_attempt_is_the_checkouts_outcome()
    {
        var checkout = Opened(PaymentProvider.Chpter);

        checkout.Take(Event("evt-failed", PaymentStatus.Failed, CallbackEvidence.Token), Start.AddMinutes(1));
        checkout.Take(Event("evt-paid", PaymentStatus.Succeeded, CallbackEvidence.Token), Start.AddMinutes(2));

        Assert.Equal(PaymentStatus.Succeeded, checkout.Status);
        Assert.Equal([TimelineKind.StatusChanged, TimelineKind.AttemptFailed, TimelineKind.StatusChanged], checkout.Snapshot([]).Timeline.Select(t => t.Kind));
    }

    [Fact]
    public void A_chpter_checkout_that_ends_failed_is_noted_as_failed_not_as_expired()
    {
        var checkout = Opened(PaymentProvider.Chpter, expiresInSeconds: 300);
        checkout.Take(Event("evt-failed", PaymentStatus.Failed, CallbackEvidence.Token), Start.AddMinutes(1));

        checkout.Advance(checkout.Deadline);

        Assert.Equal(PaymentStatus.Failed, checkout.Status);
        var note = Assert.Single(checkout.Snapshot([]).ReviewNotes);
        Assert.Equal(ReviewReason.NoLookupToConfirm, note.Reason);
        Assert.StartsWith("Failed (the customer's attempt failed", note.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_checkout_started_under_the_1_0_rules_keeps_them_when_it_replays()
    {
        var checkout = Opened(PaymentProvider.Kiotapay, rules: new Rules10());
        checkout.RequestCancel(new CancelRequest(null));
        var cancelsLookup = checkout.LookupDue(Start.AddMinutes(1))!;

        checkout.Take(TokenedSuccess, Start.AddMinutes(1));
        checkout.TakeLookup(cancelsLookup, Pending, Start.AddMinutes(1));
        checkout.Advance(Start.AddMinutes(1));

        Assert.Equal(PaymentStatus.Cancelled, checkout.Status);
    }

    private static Checkout Ended(PaymentProvider provider, out DateTimeOffset endedAt)
    {
        var checkout = Opened(provider, expiresInSeconds: 300);
        endedAt = checkout.Deadline;
        checkout.LookUp(endedAt, Pending);
        checkout.Advance(endedAt);
        checkout.BeginWatch(endedAt);
        Assert.Equal(PaymentStatus.Expired, checkout.Status);
        return checkout;
    }
}
