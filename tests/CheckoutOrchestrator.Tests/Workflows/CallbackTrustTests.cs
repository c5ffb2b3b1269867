using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Tests.Infrastructure;
using CheckoutOrchestrator.Workflows;
using CheckoutOrchestrator.Workflows.Rules;
using Xunit;

namespace CheckoutOrchestrator.Tests.Workflows;

/// <summary>An unauthenticated callback is a hint, never evidence: it may wake a lookup, no more.</summary>
public sealed class CallbackTrustTests : WorkflowTestBase
{
    public CallbackTrustTests(TimeSkippingEnvironment environment)
        : base(environment)
    {
    }

    [Fact]
    public async Task Any_number_of_hints_at_one_moment_buy_one_lookup_and_its_follow_up_and_the_paid_checkout_still_succeeds()
    {
        var provider = new FakeProviderActivities();
        var (lookupsAfterFlood, result) = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(PaymentProvider.Kiotapay, expiresInSeconds: 3600), taskQueue);
            for (var i = 0; i < 200; i++)
            {
                await SendAsync(handle, Callback($"forged-{i}", PaymentStatus.Succeeded, $"SUCCEEDED {i}", CallbackEvidence.Hint));
            }

            await WaitForLookupsAsync(provider, 1);
            await Env.DelayAsync(CheckoutHints.Interval * 3);
            var lookups = provider.Lookups;
            provider.AnswerLookups(new ProviderStatus("SUCCEEDED", PaymentStatus.Succeeded, null, 1500m));
            await SendAsync(handle, Callback("paid", PaymentStatus.Succeeded, "SUCCEEDED", CallbackEvidence.Token));
            return (lookups, await OutcomeAsync(handle));
        });

        Assert.InRange(lookupsAfterFlood, 1, 2);
        Assert.Equal(PaymentStatus.Succeeded, result.Status);
        Assert.False(result.NeedsReview);
    }

    [Fact]
    public async Task A_hint_never_supplies_the_payment_id_a_lookup_asks_by_and_never_makes_a_checkout_succeed()
    {
        var provider = new FakeProviderActivities();
        var result = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(PaymentProvider.Waftpay, expiresInSeconds: 300), taskQueue);

            // Another paid checkout's payment_uuid, on a body without this checkout's token.
            await SendAsync(handle, Callback("forged", PaymentStatus.Succeeded, "SUCCESS", CallbackEvidence.Hint, paymentId: "someone-elses-paid-uuid"));
            await WaitForLookupsAsync(provider, 1);
            return await OutcomeAsync(handle);
        });

        Assert.All(provider.LookedUp, session => Assert.NotEqual("someone-elses-paid-uuid", session.PaymentId));
        Assert.Equal(PaymentStatus.Expired, result.Status);
        Assert.False(result.NeedsReview);
    }

    [Fact]
    public async Task The_newest_payment_id_an_authenticated_callback_names_is_the_one_asked_by()
    {
        var provider = new FakeProviderActivities();
        provider.AnswerLookups(new ProviderStatus("failed", PaymentStatus.Failed, "Insufficient funds"), new ProviderStatus("succeeded", PaymentStatus.Succeeded, null, 1750m));
        var result = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(PaymentProvider.Waftpay, expiresInSeconds: 600), taskQueue);
            await SendAsync(handle, Callback("attempt-1", PaymentStatus.Failed, "FAILED", CallbackEvidence.Token, paymentId: "uuid-1"));
            await WaitForLookupsAsync(provider, 1);
            await SendAsync(handle, Callback("attempt-2", PaymentStatus.Succeeded, "SUCCESS", CallbackEvidence.Token, paymentId: "uuid-2"));
            return await OutcomeAsync(handle);
        });

        Assert.Equal(["uuid-1", "uuid-2"], provider.LookedUp.Select(s => s.PaymentId));
        Assert.Equal(PaymentStatus.Succeeded, result.Status);
    }

    [Fact]
    public async Task A_lookup_answer_for_another_reference_is_refused_and_put_on_review()
    {
        var provider = new FakeProviderActivities();
        provider.AnswerLookups(new ProviderStatus("succeeded", PaymentStatus.Succeeded, null, 1750m, Reference: "co_another_checkouts_reference"));
        var result = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(PaymentProvider.Waftpay, expiresInSeconds: 300), taskQueue);
            await SendAsync(handle, Callback("paid?", PaymentStatus.Succeeded, "SUCCESS", CallbackEvidence.Token));
            return await OutcomeAsync(handle);
        });

        Assert.Equal(PaymentStatus.Expired, result.Status);
        Assert.Contains(result.ReviewNotes, n => n.Reason == ReviewReason.ForeignReference);
    }

    [Fact]
    public async Task After_the_end_a_hint_at_a_provider_without_lookup_is_listed_for_operators_but_proves_nothing_and_tells_the_merchant_nothing()
    {
        var provider = new FakeProviderActivities();
        var result = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(PaymentProvider.Chpter, expiresInSeconds: 300), taskQueue);
            await RunToTheEndAsync(provider, MerchantEventTypes.Expired);
            for (var i = 0; i < 20; i++)
            {
                await SendAsync(handle, Callback($"forged-{i}", PaymentStatus.Succeeded, "Payment complete.", CallbackEvidence.Hint, paid: 100m));
            }

            provider.ReleaseDelivery();
            return await OutcomeAsync(handle);
        });

        Assert.Null(result.LatePayment);
        Assert.Single(result.ReviewNotes, n => n.Reason == ReviewReason.UnverifiedLateClaim);
        Assert.Equal([MerchantEventTypes.Expired], provider.Delivered.Select(d => d.Type));
        Assert.Equal([ReviewReason.NoLookupToConfirm], provider.Delivered[0].Checkout.ReviewNotes.Select(n => n.Reason));
    }

    [Fact]
    public async Task Repeated_contradicted_claims_after_the_end_note_one_reason_once_and_tell_the_merchant_once()
    {
        var provider = new FakeProviderActivities { Otherwise = new ProviderStatus("EXPIRED", PaymentStatus.Expired) };
        var result = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(PaymentProvider.Kiotapay, expiresInSeconds: 300), taskQueue);
            await RunToTheEndAsync(provider, MerchantEventTypes.Expired);
            provider.ReleaseDelivery();
            for (var i = 0; i < 10; i++)
            {
                await SendAsync(handle, Callback($"claim-{i}", PaymentStatus.Succeeded, "SUCCEEDED", CallbackEvidence.Token));
                await WaitForLookupsAsync(provider, 2 + i);
            }

            return await OutcomeAsync(handle);
        });

        Assert.Single(result.ReviewNotes, n => n.Reason == ReviewReason.ContradictedClaim);
        Assert.Single(provider.Delivered, d => d.Type == MerchantEventTypes.NeedsReview && d.Reason == ReviewReason.ContradictedClaim);
    }

    [Fact]
    public async Task A_chpter_checkout_that_got_only_hints_ends_on_review_listing_them()
    {
        var provider = new FakeProviderActivities();
        var result = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(PaymentProvider.Chpter, expiresInSeconds: 300), taskQueue);
            await SendAsync(handle, Callback("no-token", PaymentStatus.Succeeded, "Payment complete.", CallbackEvidence.Hint));
            return await OutcomeAsync(handle);
        });

        Assert.Equal(PaymentStatus.Expired, result.Status);
        var note = Assert.Single(result.ReviewNotes);
        Assert.Equal(ReviewReason.NoLookupToConfirm, note.Reason);
        Assert.Contains("1 callback(s) without this checkout's token", note.Note, StringComparison.Ordinal);
    }

    private static async Task WaitForLookupsAsync(FakeProviderActivities provider, int count)
    {
        // Generous: on a loaded 2-core machine a workflow task can wait seconds for its turn.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (provider.Lookups < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {provider.Lookups} lookups");
            await Task.Delay(20);
        }
    }
}
