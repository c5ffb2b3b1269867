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
    public async Task A_4xx_is_retried_until_the_merchant_takes_the_event()
    {
        var provider = new FakeProviderActivities { MerchantFailureStatus = 401 };
        provider.FailMerchantDeliveries(2);
        var result = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(), taskQueue);
            await SendAsync(handle, Callback("evt-1", PaymentStatus.Succeeded, "SUCCESS"));

            // Time skipping stays locked until delivery: the stand-in server cannot be trusted with retry timers while unlocked.
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (provider.Delivered.Count == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "the event was never delivered");
                await Task.Delay(20);
            }

            return await OutcomeAsync(handle);
        });

        var record = Assert.Single(result.Notifications!);
        Assert.Equal((NotificationState.Delivered, 3, 200), (record.State, record.Attempts[^1].Attempt, record.Attempts[^1].HttpStatus));
        Assert.Single(provider.Delivered);
    }

    [Fact]
    public async Task An_endpoint_that_answers_410_gone_gets_no_more_events_of_the_checkout_and_the_checkout_says_so()
    {
        var provider = new FakeProviderActivities { MerchantFailureStatus = 410 };
        provider.FailMerchantDeliveries(1);
        var result = await WithWorkerAsync(provider, async taskQueue =>
        {
            // The end, then a late payment on the checkout's tokened URL: more events after the first.
            var (handle, _) = await OpenAsync(Input(PaymentProvider.Chpter, expiresInSeconds: 300), taskQueue);
            await RunToTheEndAsync(provider, MerchantEventTypes.Expired);
            await SendAsync(handle, Callback("evt-late", PaymentStatus.Succeeded, "Payment complete.", CallbackEvidence.Token, paid: 100m));
            provider.ReleaseDelivery();
            return await OutcomeAsync(handle);
        });

        Assert.True(result.Notifications!.Count >= 2, $"{result.Notifications.Count} events");
        Assert.All(result.Notifications, n => Assert.Equal(NotificationState.Gone, n.State));
        Assert.Equal(410, Assert.Single(result.Notifications[0].Attempts).HttpStatus);
        Assert.All(result.Notifications.Skip(1), n => Assert.Empty(n.Attempts));
        Assert.Contains("answered 410 Gone to an earlier event", result.Notifications[1].Error, StringComparison.Ordinal);
        Assert.Empty(provider.Delivered);
    }

    [Fact]
    public async Task Events_carry_the_full_checkout_and_ids_that_are_stable_per_checkout_and_distinct_per_event()
    {
        var provider = new FakeProviderActivities();
        var input = Input(PaymentProvider.Chpter, expiresInSeconds: 300);
        var result = await WithWorkerAsync(provider, async taskQueue => await OutcomeAsync((await OpenAsync(input, taskQueue)).Handle));

        Assert.Equal([MerchantEventTypes.Expired], provider.Delivered.Select(n => n.Type));
        Assert.Equal(MerchantEventIds.For(input.CheckoutId, MerchantEventTypes.Expired, null), provider.Delivered[0].EventId);
        Assert.NotEqual(provider.Delivered[0].EventId, MerchantEventIds.For(input.CheckoutId, MerchantEventTypes.NeedsReview, ReviewReason.NoLookupToConfirm));
        var view = provider.Delivered[0].Checkout;
        Assert.Equal((input.CheckoutId, PaymentStatus.Expired, "100.00"), (view.CheckoutId, view.Status, view.Amount.Value));
        Assert.Equal(result.ReviewNotes, view.ReviewNotes);
    }
}
