using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Tests.Infrastructure;
using CheckoutOrchestrator.Workflows;
using Temporalio.Client;
using Temporalio.Exceptions;
using Xunit;

namespace CheckoutOrchestrator.Tests.Workflows;

public sealed class CancelTests : WorkflowTestBase
{
    public CancelTests(TimeSkippingEnvironment environment)
        : base(environment)
    {
    }

    [Fact]
    public async Task Cancelling_an_unpaid_checkout_looks_once_more_then_cancels_and_a_second_cancel_writes_nothing()
    {
        var provider = new FakeProviderActivities();
        var (first, refusal, updates, result) = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(PaymentProvider.Kiotapay), taskQueue);
            var cancelled = await handle.ExecuteUpdateAsync(wf => wf.CancelAsync(new CancelRequest("customer changed their mind")));
            var refused = await Assert.ThrowsAsync<WorkflowUpdateFailedException>(() => handle.ExecuteUpdateAsync(wf => wf.CancelAsync(new CancelRequest(null))));
            var accepted = (await handle.FetchHistoryAsync()).Events.Count(e => e.WorkflowExecutionUpdateAcceptedEventAttributes is not null);
            return (cancelled, refused, accepted, await OutcomeAsync(handle));
        });

        Assert.Equal(PaymentStatus.Cancelled, first.Status);
        Assert.Equal((StatusSource.Cancel, "customer changed their mind"), (first.Timeline[^1].Source, first.Timeline[^1].Detail));
        Assert.Equal(CheckoutErrorTypes.AlreadyEnding, Assert.IsType<ApplicationFailureException>(refusal.InnerException).ErrorType);
        Assert.Equal(1, updates);
        Assert.Contains(provider.LookupTimes, t => t <= first.CompletedAt);
        Assert.Equal(MerchantEventTypes.Cancelled, provider.Delivered[0].Type);
        Assert.Equal(PaymentStatus.Cancelled, result.Status);
    }

    [Fact]
    public async Task A_cancel_at_a_provider_without_status_lookup_goes_on_review_and_the_merchant_hears_it_with_the_end()
    {
        var provider = new FakeProviderActivities();
        var (cancelled, result) = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(PaymentProvider.Chpter), taskQueue);
            var answer = await handle.ExecuteUpdateAsync(wf => wf.CancelAsync(new CancelRequest(null)));
            return (answer, await OutcomeAsync(handle));
        });

        Assert.Equal((PaymentStatus.Cancelled, true), (cancelled.Status, cancelled.NeedsReview));
        Assert.Contains(cancelled.ReviewNotes, note => note.Reason == ReviewReason.NoLookupToConfirm && note.Note.StartsWith("Cancelled without a success from the provider", StringComparison.Ordinal));
        Assert.Equal(0, provider.Lookups);
        Assert.Equal([MerchantEventTypes.Cancelled], provider.Delivered.Select(d => d.Type));
        Assert.Contains(provider.Delivered[0].Checkout.ReviewNotes, n => n.Reason == ReviewReason.NoLookupToConfirm);
        Assert.Equal(PaymentStatus.Cancelled, result.Status);
    }

    [Fact]
    public async Task A_payment_that_beat_the_cancel_makes_the_checkout_succeed_and_the_cancel_fail()
    {
        var provider = new FakeProviderActivities { Otherwise = new ProviderStatus("SUCCEEDED", PaymentStatus.Succeeded, null, 1500m) };
        var (refusal, result) = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(PaymentProvider.Kiotapay), taskQueue);
            var refused = await Assert.ThrowsAsync<WorkflowUpdateFailedException>(() => handle.ExecuteUpdateAsync(wf => wf.CancelAsync(new CancelRequest(null))));
            return (refused, await OutcomeAsync(handle));
        });

        Assert.Equal(CheckoutErrorTypes.AlreadySucceeded, Assert.IsType<ApplicationFailureException>(refusal.InnerException).ErrorType);
        Assert.Equal((PaymentStatus.Succeeded, StatusSource.Cancel), (result.Status, result.Timeline[^1].Source));
    }

    [Fact]
    public async Task A_success_claimed_while_the_cancels_lookup_is_in_flight_is_asked_about_again_and_wins_over_the_cancel()
    {
        var provider = new FakeProviderActivities { Otherwise = new ProviderStatus("SUCCEEDED", PaymentStatus.Succeeded, null, 1500m) };
        provider.AnswerLookups(FakeProviderActivities.Pending);
        var (refusal, result) = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(PaymentProvider.Kiotapay), taskQueue);
            provider.HoldNextLookup();
            var cancel = handle.ExecuteUpdateAsync(wf => wf.CancelAsync(new CancelRequest(null)));
            await WaitUntilAsync(() => provider.IsHoldingLookup);
            await SendAsync(handle, Callback("evt-paid", PaymentStatus.Succeeded, "SUCCEEDED", CallbackEvidence.Token));
            provider.ReleaseLookup();
            var refused = await Assert.ThrowsAsync<WorkflowUpdateFailedException>(() => cancel);
            return (refused, await OutcomeAsync(handle));
        });

        Assert.Equal(CheckoutErrorTypes.AlreadySucceeded, Assert.IsType<ApplicationFailureException>(refusal.InnerException).ErrorType);
        Assert.Equal((PaymentStatus.Succeeded, StatusSource.Webhook), (result.Status, result.Timeline[^1].Source));
        Assert.Equal(2, provider.Lookups);
        Assert.False(result.NeedsReview);
    }

    [Fact]
    public async Task A_paid_checkout_refuses_a_cancel_and_stays_paid()
    {
        var provider = new FakeProviderActivities();
        var result = await WithWorkerAsync(provider, async taskQueue =>
        {
            // The merchant has not yet taken the success event, so the checkout is still open.
            provider.HoldDelivery(MerchantEventTypes.Succeeded);
            var (handle, _) = await OpenAsync(Input(), taskQueue);
            await SendAsync(handle, Callback("evt-1", PaymentStatus.Succeeded, "SUCCESS"));
            await WaitForStatusAsync(handle, PaymentStatus.Succeeded);
            var refused = await Assert.ThrowsAsync<WorkflowUpdateFailedException>(() => handle.ExecuteUpdateAsync(wf => wf.CancelAsync(new CancelRequest(null))));
            Assert.Equal(CheckoutErrorTypes.AlreadySucceeded, Assert.IsType<ApplicationFailureException>(refused.InnerException).ErrorType);
            provider.ReleaseDelivery();
            return await OutcomeAsync(handle);
        });

        Assert.Equal(PaymentStatus.Succeeded, result.Status);
        Assert.DoesNotContain(result.Timeline, t => t.Status == PaymentStatus.Cancelled);
    }

    [Fact]
    public async Task A_cancelled_checkout_still_records_money_the_provider_took_afterwards()
    {
        var provider = new FakeProviderActivities();
        var result = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(PaymentProvider.LakiPay), taskQueue);
            var cancelled = await handle.ExecuteUpdateAsync(wf => wf.CancelAsync(new CancelRequest(null)));
            (provider.ChangesAt, provider.Later) = (cancelled.CompletedAt!.Value.AddMinutes(30), new ProviderStatus("SUCCESS", PaymentStatus.Succeeded, null, 1000.50m));
            return await OutcomeAsync(handle);
        });

        Assert.Equal(PaymentStatus.Cancelled, result.Status);
        Assert.NotNull(result.LatePayment);
        Assert.Contains(result.ReviewNotes, n => n.Note.Contains("Paid after the checkout had ended (Cancelled)", StringComparison.Ordinal));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "it never happened");
            await Task.Delay(20);
        }
    }
}
