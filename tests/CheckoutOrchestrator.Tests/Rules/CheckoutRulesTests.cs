using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Tests.Infrastructure;
using CheckoutOrchestrator.Tests.Workflows;
using CheckoutOrchestrator.Workflows;
using CheckoutOrchestrator.Workflows.Rules;
using Xunit;

namespace CheckoutOrchestrator.Tests.Rules;

/// <summary>The rules of a checkout, without Temporal: time is a parameter, so each runs in microseconds.</summary>
public sealed class CheckoutRulesTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_signed_success_ends_the_checkout_and_a_repeat_of_it_changes_nothing()
    {
        var checkout = Opened(PaymentProvider.LakiPay);

        checkout.Take(Event("evt-1", PaymentStatus.Succeeded, CallbackEvidence.Signature), Start.AddMinutes(1));
        checkout.Take(Event("evt-1", PaymentStatus.Succeeded, CallbackEvidence.Signature), Start.AddMinutes(2));

        Assert.Equal(PaymentStatus.Succeeded, checkout.Status);
        Assert.Single(checkout.Snapshot([]).Timeline, t => t.Status == PaymentStatus.Succeeded);
        Assert.Null(checkout.LookupDue(Start.AddMinutes(2)));
    }

    [Fact]
    public void A_tokened_success_at_a_provider_with_lookup_asks_for_one_and_counts_only_once_it_confirms()
    {
        var checkout = Opened(PaymentProvider.Kiotapay);

        checkout.Take(Event("evt-1", PaymentStatus.Succeeded, CallbackEvidence.Token), Start.AddMinutes(1));
        var need = checkout.LookupDue(Start.AddMinutes(1));
        Assert.Equal(PaymentStatus.Pending, checkout.Status);
        checkout.TakeLookup(need!, new ProviderStatus("SUCCEEDED", PaymentStatus.Succeeded, null, 1500m), Start.AddMinutes(1));

        Assert.Equal((StatusSource.Webhook, PaymentStatus.Succeeded), (need!.Source, checkout.Status));
    }

    [Fact]
    public void Hints_buy_one_lookup_a_minute_and_one_follow_up_however_many_arrive()
    {
        var checkout = Opened(PaymentProvider.Kiotapay);
        var lookups = new List<DateTimeOffset>();
        for (var second = 0; second < 600; second++)
        {
            var now = Start.AddSeconds(second);
            checkout.Take(Event($"forged-{second}", PaymentStatus.Succeeded, CallbackEvidence.Hint), now);
            if (checkout.LookupDue(now) is { } need)
            {
                lookups.Add(now);
                checkout.TakeLookup(need, FakeProviderActivities.Pending, now);
            }
        }

        // One a second for ten minutes: each minute at most one lookup, never closer together than the interval.
        Assert.InRange(lookups.Count, 9, 11);
        Assert.All(lookups.Zip(lookups.Skip(1)), pair => Assert.True(pair.Second - pair.First >= CheckoutHints.Interval));
        Assert.Equal(PaymentStatus.Pending, checkout.Status);
        Assert.Empty(checkout.Snapshot([]).ReviewNotes);
    }

    [Fact]
    public void A_lookup_that_gets_no_answer_at_the_deadline_buys_the_grace_and_an_unanswered_end_goes_on_review()
    {
        var checkout = Opened(PaymentProvider.Kiotapay, expiresInSeconds: 300);
        var deadline = checkout.Deadline;

        checkout.TakeLookup(checkout.LookupDue(deadline)!, null, deadline);
        checkout.Advance(deadline);
        Assert.False(checkout.IsFinal);
        Assert.Equal(deadline + CheckoutDeadline.ProcessingGrace, checkout.Deadline);

        var end = checkout.Deadline;
        checkout.TakeLookup(checkout.LookupDue(end)!, null, end);
        checkout.Advance(end);

        Assert.Equal(PaymentStatus.Expired, checkout.Status);
        Assert.Equal([ReviewReason.ProviderUnreachable], checkout.Snapshot([]).ReviewNotes.Select(n => n.Reason));
    }

    [Fact]
    public void An_answered_unpaid_deadline_expires_the_checkout_without_review()
    {
        var checkout = Opened(PaymentProvider.Kiotapay, expiresInSeconds: 300);
        var deadline = checkout.Deadline;

        checkout.TakeLookup(checkout.LookupDue(deadline)!, FakeProviderActivities.Pending, deadline);
        checkout.Advance(deadline);

        Assert.Equal(PaymentStatus.Expired, checkout.Status);
        Assert.Empty(checkout.Snapshot([]).ReviewNotes);
    }

    [Fact]
    public void A_cancel_looks_once_more_and_a_payment_that_beat_it_wins()
    {
        var checkout = Opened(PaymentProvider.Kiotapay);
        checkout.RequestCancel(new CancelRequest("changed my mind"));

        var need = checkout.LookupDue(Start.AddMinutes(1));
        checkout.TakeLookup(need!, new ProviderStatus("SUCCEEDED", PaymentStatus.Succeeded, null, 1500m), Start.AddMinutes(1));
        checkout.Advance(Start.AddMinutes(1));

        Assert.Equal((StatusSource.Cancel, PaymentStatus.Succeeded), (need!.Source, checkout.Status));
    }

    [Fact]
    public void Money_after_the_end_is_a_late_payment_recorded_once_and_on_the_timeline()
    {
        var checkout = Opened(PaymentProvider.LakiPay, expiresInSeconds: 300);
        var deadline = checkout.Deadline;
        checkout.TakeLookup(checkout.LookupDue(deadline)!, FakeProviderActivities.Pending, deadline);
        checkout.Advance(deadline);
        checkout.BeginWatch(deadline);

        var paid = new ProviderStatus("SUCCESS", PaymentStatus.Succeeded, null, 1000.50m);
        checkout.Take(Event("late", PaymentStatus.Succeeded, CallbackEvidence.Signature), deadline.AddHours(1));
        checkout.TakeLookup(checkout.LookupDue(deadline.AddHours(1))!, paid, deadline.AddHours(1));
        checkout.Take(Event("late-again", PaymentStatus.Succeeded, CallbackEvidence.Signature), deadline.AddHours(2));
        checkout.TakeLookup(checkout.LookupDue(deadline.AddHours(2))!, paid, deadline.AddHours(2));

        var snapshot = checkout.Snapshot([]);
        Assert.Equal(PaymentStatus.Expired, snapshot.Status);
        Assert.Equal(deadline.AddHours(1), snapshot.LatePayment!.LearnedAt);
        var entry = Assert.Single(snapshot.Timeline, t => t.Kind == TimelineKind.LatePayment);
        Assert.Equal((deadline.AddHours(1), "1000.50"), (entry.At, entry.Amount?.Value));
        Assert.True(checkout.WatchOver(deadline.AddHours(2)));
    }

    [Fact]
    public void The_publisher_lists_progress_only_at_a_wake_up_and_tells_each_review_reason_once()
    {
        var checkout = Opened(PaymentProvider.Kiotapay);
        checkout.Take(Event("evt-1", PaymentStatus.Processing, CallbackEvidence.Signature), Start.AddMinutes(1));

        var byCallback = CheckoutPublisher.Changes(Published.AtStart, checkout.Snapshot([]), listProgress: false);
        var atWakeUp = CheckoutPublisher.Changes(byCallback.Next, checkout.Snapshot([]), listProgress: true);
        Assert.Empty(byCallback.Updates);
        Assert.Single(atWakeUp.Updates);

        checkout.Take(Event("evt-2", PaymentStatus.Succeeded, CallbackEvidence.Signature, paid: 1m), Start.AddMinutes(2));
        checkout.Take(Event("evt-3", PaymentStatus.Succeeded, CallbackEvidence.Signature, paid: 2m), Start.AddMinutes(3));
        var review = CheckoutPublisher.Changes(atWakeUp.Next, checkout.Snapshot([]), listProgress: false);
        var again = CheckoutPublisher.Changes(review.Next, checkout.Snapshot([]), listProgress: false);

        Assert.Equal([new MerchantEventToSend(MerchantEventTypes.NeedsReview, ReviewReason.AmountMismatch)], review.Events);
        Assert.Equal((0, 0), (again.Events.Count, again.Updates.Count));
    }

    [Fact]
    public void A_session_opened_at_an_alternative_makes_the_checkout_that_providers_and_says_why()
    {
        var request = SampleCheckouts.For(PaymentProvider.Kiotapay);
        var kiotapay = ProviderProfiles.For(PaymentProvider.Kiotapay);
        var waftpay = ProviderProfiles.For(PaymentProvider.Waftpay);
        var alternative = new CheckoutOrchestrator.Routing.ProviderRoute(PaymentProvider.Waftpay, "ref-w", waftpay.Capabilities, waftpay.PollPlan);
        var terms = new CheckoutTerms(
            "co_0123456789abcdef0123456789abcdef", request.MerchantId, request.MerchantReference, PaymentProvider.Kiotapay, request.Amount, null, "fingerprint", Start, 1800, kiotapay.Capabilities, kiotapay.PollPlan);
        var checkout = Checkout.Start(terms with { Alternatives = [alternative] });

        checkout.Opened(
            new ProviderSession("ref-w", "sess_w", null, new Uri("https://pay.example.com/w"), null, null, FakeProviderActivities.Pending, Provider: PaymentProvider.Waftpay, PassedOver: ["kiotapay: 503"]),
            Start);

        var snapshot = checkout.Snapshot([]);
        Assert.Equal(PaymentProvider.Waftpay, snapshot.Provider);
        Assert.Equal(("waftpay", true), (snapshot.Routing!.Chosen, snapshot.Routing.FailedOver));
        Assert.Equal(["kiotapay", "waftpay"], snapshot.Routing.Providers);
        Assert.Equal(["kiotapay: 503"], snapshot.Routing.PassedOver);
        Assert.Equal([TimelineKind.FailedOver, TimelineKind.StatusChanged], snapshot.Timeline.Select(t => t.Kind));
        Assert.Equal("Opened at waftpay; passed over kiotapay: 503", snapshot.Timeline[0].Detail);
    }

    private static Checkout Opened(PaymentProvider provider, int expiresInSeconds = 1800)
    {
        var request = SampleCheckouts.For(provider) with { ExpiresInSeconds = expiresInSeconds };
        var profile = ProviderProfiles.For(provider);
        var checkout = Checkout.Start(new CheckoutTerms(
            "co_0123456789abcdef0123456789abcdef", request.MerchantId, request.MerchantReference, provider, request.Amount, null, "fingerprint", Start, expiresInSeconds, profile.Capabilities, profile.PollPlan));
        checkout.Opened(new ProviderSession("ref-1", "sess_1", null, new Uri("https://pay.example.com/sess_1"), null, null, FakeProviderActivities.Pending), Start);
        return checkout;
    }

    private static ProviderEvent Event(string id, PaymentStatus status, CallbackEvidence evidence, decimal? paid = null) =>
        new(id, evidence, new ProviderStatus(status.ToString(), status, null, paid), null, Start);
}
