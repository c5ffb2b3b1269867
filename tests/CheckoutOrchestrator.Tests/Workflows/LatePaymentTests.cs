using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Tests.Infrastructure;
using CheckoutOrchestrator.Workflows;
using Xunit;

namespace CheckoutOrchestrator.Tests.Workflows;

/// <summary>A sign that money moved is never dropped: it ends as a success, a recorded late payment, or on review.</summary>
public sealed class LatePaymentTests : WorkflowTestBase
{
    public LatePaymentTests(TimeSkippingEnvironment environment)
        : base(environment)
    {
    }

    [Fact]
    public async Task A_payment_two_hours_after_expiry_is_found_by_the_watch_and_recorded_as_a_late_payment()
    {
        var provider = new FakeProviderActivities();
        var (result, attributes) = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, opened) = await OpenAsync(Input(PaymentProvider.Kiotapay, expiresInSeconds: 300), taskQueue);
            (provider.ChangesAt, provider.Later) = (opened.ExpiresAt!.Value.AddHours(2), new ProviderStatus("SUCCEEDED", PaymentStatus.Succeeded, null, 1500m));
            var outcome = await OutcomeAsync(handle);
            return (outcome, (await handle.DescribeAsync()).TypedSearchAttributes);
        });

        Assert.Equal(PaymentStatus.Expired, result.Status);
        var late = Assert.IsType<LatePayment>(result.LatePayment);
        Assert.Equal((new Money(1500m, "KES"), StatusSource.Poll, "SUCCEEDED"), (late.Amount, late.Source, late.ProviderStatus));
        Assert.Equal(("sess_1", "pay_1"), (late.ProviderSessionId, late.ProviderPaymentId));
        Assert.True(late.LearnedAt >= provider.ChangesAt);
        Assert.True(result.NeedsReview);
        Assert.True(attributes.Get(CheckoutSearchAttributes.LatePayment));
        Assert.True(attributes.Get(CheckoutSearchAttributes.NeedsReview));
        Assert.Equal(nameof(PaymentStatus.Expired), attributes.Get(CheckoutSearchAttributes.Status));
        Assert.Equal([MerchantEventTypes.Expired, MerchantEventTypes.LatePayment, MerchantEventTypes.NeedsReview], provider.Delivered.Select(n => n.Type));
        Assert.Equal(late.Amount.Value.ToString("F2", System.Globalization.CultureInfo.InvariantCulture), provider.Delivered[1].Checkout.LatePayment!.Amount.Value);
    }

    [Fact]
    public async Task A_signed_success_callback_after_expiry_is_confirmed_by_lookup_and_recorded_as_a_late_payment()
    {
        var provider = new FakeProviderActivities();
        var result = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(PaymentProvider.LakiPay, expiresInSeconds: 300), taskQueue);
            await RunToTheEndAsync(provider, MerchantEventTypes.Expired);
            Assert.Equal(PaymentStatus.Expired, (await handle.QueryAsync(wf => wf.Snapshot)).Status);

            provider.Otherwise = new ProviderStatus("SUCCESS", PaymentStatus.Succeeded, null, 1000.50m);
            await SendAsync(handle, Callback("evt-late", PaymentStatus.Succeeded, "SUCCESS", paid: 1000.50m));
            provider.ReleaseDelivery();
            return await OutcomeAsync(handle);
        });

        var late = Assert.IsType<LatePayment>(result.LatePayment);
        Assert.Equal((PaymentStatus.Expired, StatusSource.Webhook), (result.Status, late.Source));
        Assert.Contains("confirmed by status lookup", late.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_late_callback_at_a_provider_without_lookup_is_recorded_on_the_strength_of_its_tokened_url()
    {
        var provider = new FakeProviderActivities();
        var result = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(PaymentProvider.Chpter, expiresInSeconds: 300), taskQueue);
            await RunToTheEndAsync(provider, MerchantEventTypes.Expired);
            await SendAsync(handle, Callback("evt-late", PaymentStatus.Succeeded, "Payment complete.", CallbackEvidence.Token, paid: 100m));
            provider.ReleaseDelivery();
            return await OutcomeAsync(handle);
        });

        var late = Assert.IsType<LatePayment>(result.LatePayment);
        Assert.Contains("tokened URL", late.Evidence, StringComparison.Ordinal);
        Assert.Equal(0, provider.Lookups);
    }

    [Fact]
    public async Task A_late_success_callback_the_lookup_contradicts_goes_to_review_and_records_no_payment()
    {
        var provider = new FakeProviderActivities { Otherwise = new ProviderStatus("EXPIRED", PaymentStatus.Expired) };
        var result = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(PaymentProvider.Kiotapay, expiresInSeconds: 300), taskQueue);
            await RunToTheEndAsync(provider, MerchantEventTypes.Expired);
            await SendAsync(handle, Callback("evt-late", PaymentStatus.Succeeded, "SUCCEEDED", evidence: CallbackEvidence.Token));
            provider.ReleaseDelivery();
            return await OutcomeAsync(handle);
        });

        Assert.Null(result.LatePayment);
        Assert.Contains(result.ReviewNotes, n => n.Note.Contains("after the checkout ended, said the payment succeeded (SUCCEEDED)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_success_callback_no_lookup_confirms_puts_the_expired_checkout_on_review_instead_of_a_quiet_expiry()
    {
        var provider = new FakeProviderActivities { Otherwise = ProviderStatus.Missing("NOT_FOUND") };
        var result = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(PaymentProvider.Waftpay, expiresInSeconds: 300), taskQueue);
            await SendAsync(handle, Callback("evt-1", PaymentStatus.Succeeded, "SUCCESS", evidence: CallbackEvidence.Token));
            return await OutcomeAsync(handle);
        });

        Assert.Equal(PaymentStatus.Expired, result.Status);
        Assert.Contains(result.ReviewNotes, n => n.Note.Contains("said the payment succeeded (SUCCESS), but no status lookup confirmed it", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_lookup_that_cannot_find_the_session_the_provider_gave_us_puts_the_checkout_on_review()
    {
        var provider = new FakeProviderActivities { Otherwise = ProviderStatus.Missing("404") };
        var result = await WithWorkerAsync(provider, async taskQueue => await OutcomeAsync((await OpenAsync(Input(PaymentProvider.Kiotapay, expiresInSeconds: 300), taskQueue)).Handle));

        Assert.Equal(PaymentStatus.Expired, result.Status);
        Assert.Contains(result.ReviewNotes, n => n.Note.Contains("could not find session sess_1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_transaction_query_that_knows_no_payment_yet_is_no_reason_for_review()
    {
        var provider = new FakeProviderActivities { Otherwise = ProviderStatus.Missing("NOT_FOUND") };
        var result = await WithWorkerAsync(provider, async taskQueue => await OutcomeAsync((await OpenAsync(Input(PaymentProvider.Waftpay, expiresInSeconds: 300), taskQueue)).Handle));

        Assert.Equal(PaymentStatus.Expired, result.Status);
        Assert.False(result.NeedsReview, string.Join(" | ", result.ReviewNotes.Select(n => n.Note)));
    }

    [Fact]
    public async Task A_paid_checkout_closes_without_watching_and_tells_the_merchant_once()
    {
        var provider = new FakeProviderActivities();
        var result = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(), taskQueue);
            await SendAsync(handle, Callback("evt-1", PaymentStatus.Succeeded, "SUCCESS", paid: 1000.50m));
            return await OutcomeAsync(handle);
        });

        Assert.Equal((PaymentStatus.Succeeded, null), (result.Status, result.WatchingForLatePaymentUntil));
        Assert.Equal([MerchantEventTypes.Succeeded], provider.Delivered.Select(n => n.Type));
        Assert.Equal(NotificationState.Delivered, Assert.Single(result.Notifications!).State);
        Assert.Equal(0, provider.Lookups);
    }
}
