using System.Net;
using System.Text;
using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Simulators.Infrastructure;
using CheckoutOrchestrator.Simulators.Merchant;
using CheckoutOrchestrator.Tests.Infrastructure;
using Xunit;

namespace CheckoutOrchestrator.Tests.Api;

public sealed class CheckoutCancelTests : ApiTestBase
{
    public CheckoutCancelTests(DevRunFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task Cancelling_an_unpaid_checkout_answers_it_cancelled_again_and_again_and_tells_the_merchant()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.LakiPay));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;

        using var first = await CancelAsync(checkoutId, """{"reason": "customer left"}""");
        using var again = await CancelAsync(checkoutId);
        var events = await Fixture.Simulators.InboxAsync(checkoutId, atLeast: 1);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var cancelled = await JsonOf(first);
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal("customer left", cancelled.GetProperty("timeline").EnumerateArray().Last().GetProperty("detail").GetString());
        Assert.Equal((HttpStatusCode.OK, "cancelled"), (again.StatusCode, (await JsonOf(again)).GetProperty("status").GetString()));
        Assert.Contains(events, e => e.Type == MerchantEventTypes.Cancelled && e.SignatureVerified);
    }

    [Fact]
    public async Task A_paid_checkout_cannot_be_cancelled()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Kiotapay));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        await ChooseAsync(new Uri(opened.GetProperty("checkoutUrl").GetString()!), "pay");
        await FinalStateAsync(checkoutId);

        using var response = await CancelAsync(checkoutId);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.EndsWith("/already-succeeded", (await JsonOf(response)).GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Equal("succeeded", (await GetCheckoutAsync(checkoutId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_customer_who_pays_after_the_merchant_cancelled_is_recorded_as_a_late_payment()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Kiotapay));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        using var cancelled = await CancelAsync(checkoutId);

        await ChooseAsync(new Uri(opened.GetProperty("checkoutUrl").GetString()!), "pay");
        var checkout = await EventuallyAsync(checkoutId, c => c.GetProperty("latePayment").ValueKind == JsonValueKind.Object);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", checkout.GetProperty("status").GetString());
        Assert.True(checkout.GetProperty("needsReview").GetBoolean());
    }

    [Fact]
    public async Task Cancelling_an_unknown_checkout_is_a_404_and_an_unreadable_reason_a_400()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Chpter));

        using var unknown = await CancelAsync(SampleCheckouts.UnknownCheckoutId());
        using var badReason = await CancelAsync(opened.GetProperty("checkoutId").GetString()!, "{\"reason\": \"bad\\u0000reason\"}");
        using var notJson = await Api.PostAsync(
            new Uri($"/checkouts/{opened.GetProperty("checkoutId").GetString()}/cancel", UriKind.Relative), new StringContent("reason=x", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badReason.StatusCode);
        Assert.True((await JsonOf(badReason)).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        Assert.Equal("pending", (await GetCheckoutAsync(opened.GetProperty("checkoutId").GetString()!)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_cancel_accepted_while_the_checkout_is_ended_another_way_answers_its_state_not_a_500()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Kiotapay));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        await using var slow = await Fixture.Simulators.FaultsAsync("kiotapay", new FaultSettings { LatencyMs = 4000, PathContains = "checkout-sessions/" });

        // The cancel's last lookup is slow; meanwhile an operator terminates the checkout.
        var cancelling = CancelAsync(checkoutId);
        await Task.Delay(1000);
        await Fixture.Temporal.GetWorkflowHandle(checkoutId).TerminateAsync("operator ended it");
        using var answer = await cancelling;

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(checkoutId, (await JsonOf(answer)).GetProperty("checkoutId").GetString());
    }

    [Fact]
    public async Task While_the_merchants_endpoint_is_down_every_failed_delivery_attempt_shows_on_the_checkout()
    {
        await Fixture.Simulators.SetInboxFaultsAsync(new InboxFaults { FailNext = 1000 });
        try
        {
            var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.LakiPay));
            var checkoutId = opened.GetProperty("checkoutId").GetString()!;
            using (await CancelAsync(checkoutId))
            {
            }

            var retrying = await EventuallyAsync(
                checkoutId,
                c => c.GetProperty("notifications").EnumerateArray().Any(n => n.GetProperty("attempts").GetArrayLength() > 0 && n.GetProperty("error").ValueKind == JsonValueKind.String));
            var delivery = retrying.GetProperty("notifications")[0];

            Assert.Equal("pending", delivery.GetProperty("state").GetString());
            Assert.Equal(503, delivery.GetProperty("attempts")[0].GetProperty("httpStatus").GetInt32());
            Assert.Contains("503", delivery.GetProperty("error").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await Fixture.Simulators.ClearInboxFaultsAsync();
        }
    }

    private Task<HttpResponseMessage> CancelAsync(string checkoutId, string? body = null) =>
        Api.PostAsync(
            new Uri($"/checkouts/{checkoutId}/cancel", UriKind.Relative),
            body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"));
}
