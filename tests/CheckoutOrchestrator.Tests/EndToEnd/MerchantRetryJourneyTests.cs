using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Simulators.Merchant;
using CheckoutOrchestrator.Tests.Api;
using CheckoutOrchestrator.Tests.Infrastructure;
using Xunit;

namespace CheckoutOrchestrator.Tests.EndToEnd;

/// <summary>A merchant endpoint's bad moment (a rotated secret, a skewed clock: a 401) loses no event: it is retried until taken.</summary>
[Collection(DevRunGroup.Name)]
public sealed class MerchantRetryJourneyTests : ApiTestBase
{
    public MerchantRetryJourneyTests(DevRunFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task An_event_the_merchant_answered_401_is_delivered_on_the_retry()
    {
        await Fixture.Simulators.SetInboxFaultsAsync(new InboxFaults { FailNext = 1, FailStatus = 401 });
        try
        {
            var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.LakiPay));
            var checkoutId = opened.GetProperty("checkoutId").GetString()!;
            await ChooseAsync(await CustomerPageAsync(PaymentProvider.LakiPay, opened), "pay");

            // The first retry comes 10 s later, in real time: the offline server's time skipping does not move a retry's backoff.
            var checkout = await EventuallyAsync(checkoutId, c => c.GetProperty("notifications").EnumerateArray().Any(n => n.GetProperty("state").GetString() == "delivered"));

            var attempts = checkout.GetProperty("notifications")[0].GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("httpStatus").GetInt32());
            Assert.Equal([401, 200], attempts);
        }
        finally
        {
            await Fixture.Simulators.ClearInboxFaultsAsync();
        }
    }
}
