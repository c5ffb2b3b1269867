using System.Net;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Tests.Infrastructure;
using Temporalio.Api.Enums.V1;
using Xunit;

namespace CheckoutOrchestrator.Tests.Api;

/// <summary>
/// Word of progress from a provider costs no signal of its own: it waits for the checkout's next
/// callback and travels in its signal, or goes alone when its wait is over, and never goes missing.
/// </summary>
public sealed class ProgressCallbackTests : ApiTestBase
{
    public ProgressCallbackTests(DevRunFixture fixture)
        : base(fixture)
    {
    }

    [Theory]
    [InlineData(PaymentProvider.LakiPay, "PENDING", "SUCCESS")]
    [InlineData(PaymentProvider.Kiotapay, "PROCESSING", "SUCCEEDED")]
    [InlineData(PaymentProvider.Waftpay, "PENDING", "SUCCESS")]
    public async Task A_payment_the_provider_reports_as_progress_then_success_is_one_signal_carrying_both_in_order(PaymentProvider provider, string progress, string success)
    {
        var opened = await OpenAsync(CheckoutBodies.For(provider));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;

        await ChooseAsync(await CustomerPageAsync(provider, opened), "pay");
        var final = await FinalStateAsync(checkoutId);

        Assert.Equal("succeeded", final.GetProperty("status").GetString());
        var signal = Assert.Single(await SignalsAsync(checkoutId));
        Assert.Equal([progress, success], signal.Select(e => e.Status?.Raw));
    }

    [Fact]
    public async Task Progress_past_the_first_of_the_minute_travels_with_the_first_while_it_waits()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Kiotapay));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        var url = Urls.ForCheckout(PaymentProvider.Kiotapay, checkoutId);

        using var first = await PostRawAsync(url, """{"status":"PENDING"}""");
        using var second = await PostRawAsync(url, """{"status":"PROCESSING"}""");
        using var unreadable = await PostRawAsync(url, """{"status":"ON_HOLD"}""");

        var signal = Assert.Single(await SignalsAsync(checkoutId));
        Assert.Equal(["PENDING", "PROCESSING", "ON_HOLD"], signal.Select(e => e.Status?.Raw));
    }

    [Fact]
    public async Task Progress_no_callback_follows_reaches_the_history_on_its_own_once_its_wait_is_over()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Kiotapay));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;

        using var answer = await PostRawAsync(Urls.ForCheckout(PaymentProvider.Kiotapay, checkoutId), """{"status":"PROCESSING"}""");
        var waiting = await SignalsAsync(checkoutId);
        await EventuallyAsync(async () => (await SignalsAsync(checkoutId)).Count > 0, within: DevRunFixture.ProgressHold * 4);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Empty(waiting);
        Assert.Equal(["PROCESSING"], Assert.Single(await SignalsAsync(checkoutId)).Select(e => e.Status?.Raw));
    }

    [Fact]
    public async Task A_cancel_sends_the_progress_held_for_the_checkout_before_it_asks_the_provider()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Kiotapay));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        using var progress = await PostRawAsync(Urls.ForCheckout(PaymentProvider.Kiotapay, checkoutId), """{"status":"PROCESSING"}""");

        using var cancelled = await Api.PostAsync(new Uri($"/checkouts/{checkoutId}/cancel", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var history = await Fixture.Temporal.GetWorkflowHandle(checkoutId).FetchHistoryAsync();
        var order = history.Events.Select(e => e.EventType).Where(t => t is EventType.WorkflowExecutionSignaled or EventType.WorkflowExecutionUpdateAccepted).ToList();
        Assert.Equal([EventType.WorkflowExecutionSignaled, EventType.WorkflowExecutionUpdateAccepted], order);
        Assert.Equal(["PROCESSING"], Assert.Single(await SignalsAsync(checkoutId)).Select(e => e.Status?.Raw));
    }

    [Fact]
    public async Task A_customer_back_from_the_page_brings_the_progress_held_for_the_checkout_in_the_same_signal()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Kiotapay));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        using var progress = await PostRawAsync(Urls.ForCheckout(PaymentProvider.Kiotapay, checkoutId), """{"status":"PROCESSING"}""");

        using var back = await Fixture.Simulators.Http.GetAsync(Urls.ForReturn(checkoutId, "success"));

        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var signal = Assert.Single(await SignalsAsync(checkoutId));
        Assert.Equal(["PROCESSING", null], signal.Select(e => e.Status?.Raw));
        Assert.StartsWith("customer-return-", signal[1].EventId, StringComparison.Ordinal);
    }
}
