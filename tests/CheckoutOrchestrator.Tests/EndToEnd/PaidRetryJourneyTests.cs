using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Simulators.Infrastructure;
using CheckoutOrchestrator.Simulators.Merchant;
using CheckoutOrchestrator.Tests.Api;
using CheckoutOrchestrator.Tests.Infrastructure;
using Xunit;

namespace CheckoutOrchestrator.Tests.EndToEnd;

/// <summary>
/// A customer fails once on a page that stays open, then pays on it. When the paid attempt's
/// callbacks are lost, the lookups must still find the money: they ask about the checkout, not only
/// about the attempt they happened to hear of.
/// </summary>
[Collection(TimeSkippingDevRunGroup.Name)]
public sealed class PaidRetryJourneyTests : ApiTestBase
{
    private readonly TimeSkippingDevRunFixture time;

    public PaidRetryJourneyTests(TimeSkippingDevRunFixture fixture)
        : base(fixture)
    {
        time = fixture;
    }

    [Fact]
    public async Task A_waftpay_customer_who_fails_once_then_pays_with_the_callbacks_lost_ends_succeeded()
    {
        (await Fixture.Simulators.Http.PutAsync(new Uri("/simulator/waftpay/page?retryAfterFailure=true", UriKind.Relative), null)).EnsureSuccessStatusCode();
        await Fixture.Simulators.SetInboxFaultsAsync(new InboxFaults { HoldTypes = [MerchantEventTypes.Succeeded, MerchantEventTypes.Failed, MerchantEventTypes.Expired] });
        try
        {
            var body = CheckoutBodies.For(PaymentProvider.Waftpay);
            body["expiresInSeconds"] = 300;
            var opened = await OpenAsync(body);
            var checkoutId = opened.GetProperty("checkoutId").GetString()!;
            var page = await CustomerPageAsync(PaymentProvider.Waftpay, opened);

            await ChooseAsync(page, "fail");
            await EventuallyAsync(checkoutId, c => c.GetProperty("timeline").EnumerateArray().Any(t => t.GetProperty("kind").GetString() == "attempt_failed"));
            await Fixture.Simulators.SetFaultsAsync("waftpay", new FaultSettings { DropCallbacks = true });
            await ChooseAsync(page, "pay");

            await time.LetTimeRunUntilAsync(() => Fixture.Simulators.IsHoldingAsync(checkoutId));
            var ended = await GetCheckoutAsync(checkoutId);

            Assert.Equal("succeeded", ended.GetProperty("status").GetString());
        }
        finally
        {
            await Fixture.Simulators.ClearFaultsAsync("waftpay");
            await Fixture.Simulators.ClearInboxFaultsAsync();
            (await Fixture.Simulators.Http.PutAsync(new Uri("/simulator/waftpay/page?retryAfterFailure=false", UriKind.Relative), null)).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task A_declined_adullam_prompt_keeps_the_checkout_open_and_an_approval_after_it_succeeds()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Adullam));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        var phone = await CustomerPageAsync(PaymentProvider.Adullam, opened);

        // Whether Adullam can prompt again after a decline is undocumented: the checkout must not end failed on it.
        // (Time stands still until the approval: the decline's hint buys its lookup at once.)
        using (var declined = await Fixture.Simulators.Http.PostAsync(new Uri($"{phone.AbsoluteUri}/fail"), new FormUrlEncodedContent([new("retry", "true")])))
        {
            Assert.True(declined.IsSuccessStatusCode);
        }

        var afterDecline = await EventuallyAsync(checkoutId, c => c.GetProperty("timeline").EnumerateArray().Any(t => t.GetProperty("kind").GetString() == "attempt_failed"));
        await ChooseAsync(phone, "pay");
        await time.LetTimeRunUntilAsync(async () => (await GetCheckoutAsync(checkoutId)).GetProperty("status").GetString() != "pending");

        Assert.Equal("pending", afterDecline.GetProperty("status").GetString());
        Assert.Equal("succeeded", (await GetCheckoutAsync(checkoutId)).GetProperty("status").GetString());
    }
}
