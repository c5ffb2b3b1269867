using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Simulators.Merchant;
using CheckoutOrchestrator.Tests.Api;
using CheckoutOrchestrator.Tests.Infrastructure;
using Xunit;

namespace CheckoutOrchestrator.Tests.EndToEnd;

/// <summary>A sign of money that nothing can confirm ends on review, never as a quiet expiry.</summary>
[Collection(TimeSkippingDevRunGroup.Name)]
public sealed class UnconfirmedPaymentJourneyTests : ApiTestBase
{
    private readonly TimeSkippingDevRunFixture time;

    public UnconfirmedPaymentJourneyTests(TimeSkippingDevRunFixture fixture)
        : base(fixture)
    {
        time = fixture;
    }

    [Fact]
    public async Task A_waftpay_success_callback_no_status_query_can_confirm_ends_on_review_not_as_a_quiet_expiry()
    {
        (await Fixture.Simulators.Http.PutAsync(new Uri("/simulator/waftpay/query?knows=nothing", UriKind.Relative), null)).EnsureSuccessStatusCode();
        await Fixture.Simulators.SetInboxFaultsAsync(new InboxFaults { HoldTypes = [MerchantEventTypes.Expired] });
        try
        {
            var body = CheckoutBodies.For(PaymentProvider.Waftpay);
            body["expiresInSeconds"] = 300;
            var opened = await OpenAsync(body);
            var checkoutId = opened.GetProperty("checkoutId").GetString()!;
            await ChooseAsync(await CustomerPageAsync(PaymentProvider.Waftpay, opened), "pay");
            await EventuallyAsync(checkoutId, c => c.GetProperty("providerPaymentId").ValueKind == System.Text.Json.JsonValueKind.String);

            await time.LetTimeRunUntilAsync(() => Fixture.Simulators.IsHoldingAsync(checkoutId));
            var ended = await GetCheckoutAsync(checkoutId);

            Assert.Equal("expired", ended.GetProperty("status").GetString());
            Assert.True(ended.GetProperty("needsReview").GetBoolean());
            Assert.Contains(ended.GetProperty("reviewNotes").EnumerateArray(), n => n.GetProperty("note").GetString()!.Contains("said the payment succeeded (SUCCESS), but no status lookup confirmed it", StringComparison.Ordinal));
        }
        finally
        {
            await Fixture.Simulators.ClearInboxFaultsAsync();
            (await Fixture.Simulators.Http.PutAsync(new Uri("/simulator/waftpay/query?knows=all", UriKind.Relative), null)).EnsureSuccessStatusCode();
        }
    }
}
