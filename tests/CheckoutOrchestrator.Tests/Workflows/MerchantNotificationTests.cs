using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Tests.Infrastructure;
using CheckoutOrchestrator.Workflows;
using Xunit;

namespace CheckoutOrchestrator.Tests.Workflows;

public sealed class MerchantNotificationTests : WorkflowTestBase
{
    public MerchantNotificationTests(TimeSkippingEnvironment environment)
        : base(environment)
    {
    }

    [Fact]
    public async Task The_checkout_is_final_at_once_while_a_failing_merchant_endpoint_is_retried_until_it_takes_the_event()
    {
        var provider = new FakeProviderActivities();
        provider.FailMerchantDeliveries(3);
        provider.HoldDelivery(MerchantEventTypes.Succeeded);
        var (whileDelivering, result) = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(), taskQueue);
            await SendAsync(handle, Callback("evt-1", PaymentStatus.Succeeded, "SUCCESS"));
            var meanwhile = await WaitForStatusAsync(handle, PaymentStatus.Succeeded);
            provider.ReleaseDelivery();

            // Time skipping stays locked: the stand-in server cannot be trusted with retry timers while unlocked.
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (provider.Delivered.Count == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "the event was never delivered");
                await Task.Delay(20);
            }

            return (meanwhile, await OutcomeAsync(handle));
        });

        Assert.Equal(NotificationState.Pending, Assert.Single(whileDelivering.Notifications!).State);
        var record = Assert.Single(result.Notifications!);
        Assert.Equal((NotificationState.Delivered, 4, 200), (record.State, record.Attempts[^1].Attempt, record.Attempts[^1].HttpStatus));
        Assert.Single(provider.Delivered);
    }

    [Fact]
    public async Task A_merchant_endpoint_that_refuses_with_a_4xx_is_not_retried_and_the_refusal_is_recorded()
    {
        var provider = new FakeProviderActivities { MerchantFailureStatus = 400 };
        provider.FailMerchantDeliveries(1);
        var result = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(), taskQueue);
            await SendAsync(handle, Callback("evt-1", PaymentStatus.Succeeded, "SUCCESS"));
            return await OutcomeAsync(handle);
        });

        var record = Assert.Single(result.Notifications!);
        Assert.Equal((NotificationState.Refused, 400), (record.State, Assert.Single(record.Attempts).HttpStatus));
        Assert.Empty(provider.Delivered);
    }

    [Fact]
    public async Task Events_carry_the_full_checkout_and_ids_that_are_stable_per_checkout_and_distinct_per_event()
    {
        var provider = new FakeProviderActivities();
        var input = Input(PaymentProvider.Chpter, expiresInSeconds: 300);
        var result = await WithWorkerAsync(provider, async taskQueue => await OutcomeAsync((await OpenAsync(input, taskQueue)).Handle));

        Assert.Equal([MerchantEventTypes.Expired, MerchantEventTypes.NeedsReview], provider.Delivered.Select(n => n.Type));
        Assert.Equal(MerchantNotifier.EventIdFor(input.CheckoutId, new(MerchantEventTypes.Expired, null)), provider.Delivered[0].EventId);
        Assert.Equal(provider.Delivered.Count, provider.Delivered.Select(n => n.EventId).Distinct().Count());
        var view = provider.Delivered[0].Checkout;
        Assert.Equal((input.CheckoutId, PaymentStatus.Expired, "100.00"), (view.CheckoutId, view.Status, view.Amount.Value));
        Assert.Equal(result.ReviewNotes, provider.Delivered[1].Checkout.ReviewNotes);
    }
}
