using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Tests.Infrastructure;
using CheckoutOrchestrator.Workflows;
using CheckoutOrchestrator.Workflows.Rules;
using Xunit;

namespace CheckoutOrchestrator.Tests.Workflows;

/// <summary>What a provider allows that must not be misread: an outage is not "unpaid", a failed attempt is not the end.</summary>
public sealed class ProviderEdgeTests : WorkflowTestBase
{
    public ProviderEdgeTests(TimeSkippingEnvironment environment)
        : base(environment)
    {
    }

    [Fact]
    public async Task A_provider_down_at_the_deadline_is_asked_through_the_grace_and_then_the_checkout_ends_on_review_never_a_plain_expiry()
    {
        var provider = new FakeProviderActivities { ProviderDown = true };
        var result = await WithWorkerAsync(provider, async taskQueue => await OutcomeAsync((await OpenAsync(Input(PaymentProvider.Kiotapay, expiresInSeconds: 300), taskQueue)).Handle));

        var expiry = result.Timeline[^1];
        Assert.Equal(PaymentStatus.Expired, result.Status);
        Assert.True(expiry.At >= result.ExpiresAt!.Value.Add(CheckoutDeadline.ProcessingGrace) - CheckoutDeadline.ProcessingGrace, "the deadline moved by the grace");
        Assert.Contains(result.ReviewNotes, n => n.Reason == ReviewReason.ProviderUnreachable);
        Assert.True(provider.LookupTimes.Count(t => t <= expiry.At) >= 3, $"asked {provider.LookupTimes.Count(t => t <= expiry.At)} times before the end");
        Assert.Equal(MerchantEventTypes.Expired, provider.Delivered[0].Type);
        Assert.Contains(provider.Delivered[0].Checkout.ReviewNotes, n => n.Reason == ReviewReason.ProviderUnreachable);
    }

    [Fact]
    public async Task A_payment_the_provider_confirms_once_it_is_back_during_the_grace_ends_the_checkout_succeeded()
    {
        var provider = new FakeProviderActivities { ProviderDown = true };
        var result = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, opened) = await OpenAsync(Input(PaymentProvider.Kiotapay, expiresInSeconds: 300), taskQueue);
            (provider.ChangesAt, provider.Later) = (opened.ExpiresAt!.Value.AddMinutes(4), new ProviderStatus("SUCCEEDED", PaymentStatus.Succeeded, null, 1500m));
            var back = opened.ExpiresAt!.Value.AddMinutes(3);
            await VirtualTimeAsync(back);
            provider.ProviderDown = false;
            return await OutcomeAsync(handle);
        });

        Assert.Equal(PaymentStatus.Succeeded, result.Status);
        Assert.False(result.NeedsReview);
    }

    [Fact]
    public async Task A_watch_whose_lookup_never_gets_an_answer_ends_on_review()
    {
        var provider = new FakeProviderActivities();
        var result = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(PaymentProvider.LakiPay, expiresInSeconds: 300), taskQueue);
            await RunToTheEndAsync(provider, MerchantEventTypes.Expired);
            provider.ProviderDown = true;
            provider.ReleaseDelivery();
            return await OutcomeAsync(handle);
        });

        Assert.Equal(PaymentStatus.Expired, result.Status);
        var note = Assert.Single(result.ReviewNotes);
        Assert.Equal(ReviewReason.ProviderUnreachable, note.Reason);
        Assert.Contains("late-payment watch", note.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_attempt_leaves_the_page_open_and_a_payment_after_it_ends_the_checkout_succeeded()
    {
        var result = await WithWorkerAsync(new FakeProviderActivities(), async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(PaymentProvider.LakiPay), taskQueue);
            await SendAsync(handle, Callback("attempt-1", PaymentStatus.Failed, "FAILED", reason: "Insufficient funds"));
            Assert.Equal(PaymentStatus.Pending, (await handle.QueryAsync(wf => wf.Snapshot)).Status);
            await SendAsync(handle, Callback("attempt-2", PaymentStatus.Succeeded, "SUCCESS", paid: 1000.50m));
            return await OutcomeAsync(handle);
        });

        Assert.Equal(PaymentStatus.Succeeded, result.Status);
        Assert.Equal(
            [(TimelineKind.StatusChanged, PaymentStatus.Pending), (TimelineKind.AttemptFailed, PaymentStatus.Failed), (TimelineKind.StatusChanged, PaymentStatus.Succeeded)],
            result.Timeline.Select(t => (t.Kind, t.Status)));
        Assert.Equal("Insufficient funds", result.Timeline[1].Detail);
        Assert.False(result.NeedsReview);
    }

    [Fact]
    public async Task A_failed_attempt_nobody_follows_with_a_payment_ends_the_checkout_failed_at_the_deadline()
    {
        var result = await WithWorkerAsync(new FakeProviderActivities(), async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(PaymentProvider.LakiPay, expiresInSeconds: 600), taskQueue);
            await SendAsync(handle, Callback("attempt-1", PaymentStatus.Failed, "FAILED", reason: "Insufficient funds"));
            return await OutcomeAsync(handle);
        });

        Assert.Equal((PaymentStatus.Failed, "Insufficient funds"), (result.Status, result.FailureReason));
        Assert.True(result.CompletedAt >= result.ExpiresAt);
        Assert.Equal(StatusSource.Expiry, result.Timeline[^1].Source);
    }

    [Fact]
    public async Task At_a_provider_whose_session_closes_on_failure_a_failed_payment_ends_the_checkout_at_once()
    {
        var provider = new FakeProviderActivities();
        provider.AnswerLookups(new ProviderStatus("failed", PaymentStatus.Failed, "declined on the phone"));
        var result = await WithWorkerAsync(provider, async taskQueue =>
        {
            // No provider of ours is known to close its session on failure; the rule stays for one that does.
            var input = Input(PaymentProvider.Adullam, expiresInSeconds: 1800);
            var (handle, _) = await OpenAsync(input with { Capabilities = input.Capabilities with { SessionClosesOnFailure = true } }, taskQueue);
            await SendAsync(handle, Callback("payment.failed", PaymentStatus.Failed, "failed", CallbackEvidence.Hint));
            return await OutcomeAsync(handle);
        });

        Assert.Equal((PaymentStatus.Failed, "declined on the phone"), (result.Status, result.FailureReason));
        Assert.True(result.CompletedAt < result.ExpiresAt);
    }

    /// <summary>Lets virtual time run until <paramref name="at"/> (a timer of the checkout fires meanwhile).</summary>
    private async Task VirtualTimeAsync(DateTimeOffset at)
    {
        var now = await Env.GetCurrentTimeAsync();
        if (at > now)
        {
            await Env.DelayAsync(at - now);
        }
    }
}
