using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Simulators.Infrastructure;
using CheckoutOrchestrator.Simulators.Merchant;
using CheckoutOrchestrator.Tests.Api;
using CheckoutOrchestrator.Tests.Infrastructure;
using Temporalio.Api.Enums.V1;
using Xunit;

namespace CheckoutOrchestrator.Tests.EndToEnd;

/// <summary>
/// Customers who pay after the checkout ended, through the whole dev run on a time-skipping
/// Temporal: the payment ends as a recorded late payment and the merchant's inbox gets signed events.
/// </summary>
[Collection(TimeSkippingDevRunGroup.Name)]
public sealed class LatePaymentJourneyTests : ApiTestBase
{
    private readonly TimeSkippingDevRunFixture time;

    public LatePaymentJourneyTests(TimeSkippingDevRunFixture fixture)
        : base(fixture)
    {
        time = fixture;
    }

    [Theory]
    [MemberData(nameof(EveryProvider.Data), MemberType = typeof(EveryProvider))]
    public async Task A_customer_who_pays_after_expiry_ends_as_a_late_payment_and_the_merchant_gets_signed_events(PaymentProvider provider)
    {
        var (checkoutId, page) = await OpenAndExpireAsync(provider);

        await ChooseAsync(page, "pay");
        var checkout = await EventuallyAsync(checkoutId, c => c.GetProperty("latePayment").ValueKind == JsonValueKind.Object);
        await Fixture.Simulators.ClearInboxFaultsAsync();
        var events = await Fixture.Simulators.InboxAsync(checkoutId, atLeast: 3);

        Assert.Equal("expired", checkout.GetProperty("status").GetString());
        Assert.True(checkout.GetProperty("needsReview").GetBoolean());
        Assert.Equal(checkout.GetProperty("amount").ToString(), checkout.GetProperty("latePayment").GetProperty("amount").ToString());
        Assert.Equal(MerchantEventTypes.Expired, events[0].Type);
        Assert.Contains(events, e => e.Type == MerchantEventTypes.LatePayment && e.Status == "expired");
        Assert.All(events, e => Assert.True(e.SignatureVerified, e.SignatureProblem));
        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public async Task A_late_payment_whose_callback_never_comes_is_found_by_the_watchs_sparse_lookups()
    {
        await using var dropped = await Fixture.Simulators.FaultsAsync("kiotapay", new FaultSettings { DropCallbacks = true });
        var (checkoutId, page) = await OpenAndExpireAsync(PaymentProvider.Kiotapay);

        await ChooseAsync(page, "pay");
        await Fixture.Simulators.ClearInboxFaultsAsync();
        await time.LetTimeRunUntilAsync(async () => (await GetCheckoutAsync(checkoutId)).GetProperty("latePayment").ValueKind == JsonValueKind.Object);
        var late = (await GetCheckoutAsync(checkoutId)).GetProperty("latePayment");

        Assert.Equal("poll", late.GetProperty("source").GetString());
        Assert.Equal("SUCCEEDED", late.GetProperty("providerStatus").GetString());
    }

    [Fact]
    public async Task A_callback_after_the_checkouts_workflow_closed_is_reconciled_into_a_late_payment()
    {
        var body = CheckoutBodies.For(PaymentProvider.LakiPay);
        body["expiresInSeconds"] = 300;
        var opened = await OpenAsync(body);
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        var page = await CustomerPageAsync(PaymentProvider.LakiPay, opened);
        var workflow = Fixture.Temporal.GetWorkflowHandle(checkoutId);
        await time.LetTimeRunUntilAsync(async () => (await workflow.DescribeAsync()).Status != WorkflowExecutionStatus.Running);

        await ChooseAsync(page, "pay");
        var checkout = await EventuallyAsync(checkoutId, c => c.GetProperty("latePayment").ValueKind == JsonValueKind.Object);
        var events = await Fixture.Simulators.InboxAsync(checkoutId, atLeast: 2);

        Assert.Equal("expired", checkout.GetProperty("status").GetString());
        Assert.Contains("after the end, confirmed by status lookup", checkout.GetProperty("latePayment").GetProperty("evidence").GetString(), StringComparison.Ordinal);
        Assert.Contains(events, e => e.Type == MerchantEventTypes.LatePayment && e.SignatureVerified);
    }

    /// <summary>
    /// Opens a five-minute checkout and lets time run to its end, where it stops: the merchant's
    /// endpoint holds its answer to the "expired" event (until the inbox faults are cleared).
    /// </summary>
    private async Task<(string CheckoutId, Uri Page)> OpenAndExpireAsync(PaymentProvider provider)
    {
        var body = CheckoutBodies.For(provider);
        body["expiresInSeconds"] = 300;
        await Fixture.Simulators.SetInboxFaultsAsync(new InboxFaults { HoldTypes = [MerchantEventTypes.Expired] });
        var opened = await OpenAsync(body);
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        var page = await CustomerPageAsync(provider, opened);

        await time.LetTimeRunUntilAsync(() => Fixture.Simulators.IsHoldingAsync(checkoutId));
        Assert.Equal("expired", (await GetCheckoutAsync(checkoutId)).GetProperty("status").GetString());
        return (checkoutId, page);
    }
}
