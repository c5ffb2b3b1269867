using System.Net.Http.Json;
using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Simulators.Infrastructure;
using CheckoutOrchestrator.Tests.Api;
using CheckoutOrchestrator.Tests.Infrastructure;
using Xunit;

namespace CheckoutOrchestrator.Tests.EndToEnd;

/// <summary>
/// A merchant opens a checkout through the API, the customer acts on the provider's page (or
/// phone), the provider calls back, and the API shows the final state: Temporal, worker,
/// simulator and webhook relay all real.
/// </summary>
public sealed class CheckoutJourneyTests : ApiTestBase
{
    public CheckoutJourneyTests(DevRunFixture fixture)
        : base(fixture)
    {
    }

    [Theory]
    [MemberData(nameof(EveryProvider.Data), MemberType = typeof(EveryProvider))]
    public async Task A_customer_who_pays_ends_in_a_succeeded_checkout(PaymentProvider provider)
    {
        var opened = await OpenAsync(CheckoutBodies.For(provider));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;

        await ChooseAsync(await CustomerPageAsync(provider, opened), "pay");
        var final = await FinalStateAsync(checkoutId);

        Assert.Equal("succeeded", final.GetProperty("status").GetString());
        Assert.Equal(opened.GetProperty("amount").ToString(), final.GetProperty("amount").ToString());
        var last = final.GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal("webhook", last.GetProperty("source").GetString());
        Assert.False(final.GetProperty("needsReview").GetBoolean(), final.ToString());
        Assert.True(final.GetProperty("completedAt").ValueKind == JsonValueKind.String);

        var told = Assert.Single(await Fixture.Simulators.InboxAsync(checkoutId, atLeast: 1));
        Assert.Equal((MerchantEventTypes.Succeeded, "succeeded", true), (told.Type, told.Status, told.SignatureVerified));
        var delivered = await EventuallyAsync(checkoutId, c => c.GetProperty("notifications").EnumerateArray().Any(n => n.GetProperty("state").GetString() == "delivered"));
        Assert.Equal(told.EventId, delivered.GetProperty("notifications")[0].GetProperty("eventId").GetString());
    }

    [Theory]
    [InlineData(PaymentProvider.Kiotapay)]
    [InlineData(PaymentProvider.LakiPay)]
    [InlineData(PaymentProvider.Waftpay)]
    [InlineData(PaymentProvider.Chpter)]
    public async Task A_failed_attempt_is_on_the_timeline_and_the_checkout_stays_open_for_another(PaymentProvider provider)
    {
        var opened = await OpenAsync(CheckoutBodies.For(provider));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;

        await ChooseAsync(await CustomerPageAsync(provider, opened), "fail");
        var seen = await EventuallyAsync(checkoutId, c => c.GetProperty("timeline").EnumerateArray().Any(t => t.GetProperty("kind").GetString() == "attempt_failed"));

        Assert.Equal("pending", seen.GetProperty("status").GetString());
        Assert.Empty(await Fixture.Simulators.InboxAsync(checkoutId));
    }

    [Fact]
    public async Task A_customer_who_pays_after_a_failed_attempt_on_the_same_page_ends_in_a_succeeded_checkout()
    {
        (await Fixture.Simulators.Http.PutAsync(new Uri("/simulator/kiotapay/page?retryAfterFailure=true", UriKind.Relative), null)).EnsureSuccessStatusCode();
        try
        {
            var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Kiotapay));
            var checkoutId = opened.GetProperty("checkoutId").GetString()!;
            var page = await CustomerPageAsync(PaymentProvider.Kiotapay, opened);

            await ChooseAsync(page, "fail");
            await EventuallyAsync(checkoutId, c => c.GetProperty("timeline").EnumerateArray().Any(t => t.GetProperty("kind").GetString() == "attempt_failed"));
            await ChooseAsync(page, "pay");
            var final = await FinalStateAsync(checkoutId);

            Assert.Equal("succeeded", final.GetProperty("status").GetString());
            Assert.False(final.GetProperty("needsReview").GetBoolean(), final.ToString());
        }
        finally
        {
            (await Fixture.Simulators.Http.PutAsync(new Uri("/simulator/kiotapay/page?retryAfterFailure=false", UriKind.Relative), null)).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task Duplicated_and_reordered_callbacks_still_end_in_one_success()
    {
        await using var faults = await Fixture.Simulators.FaultsAsync("lakipay", new FaultSettings { DuplicateCallbacks = 2, OutOfOrderCallbacks = true });

        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.LakiPay));
        await ChooseAsync(await CustomerPageAsync(PaymentProvider.LakiPay, opened), "pay");
        var final = await FinalStateAsync(opened.GetProperty("checkoutId").GetString()!);

        var statuses = final.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("status").GetString()).ToList();
        Assert.Equal("succeeded", final.GetProperty("status").GetString());
        Assert.Single(statuses, s => s == "succeeded");
        Assert.Equal("succeeded", statuses[^1]);
    }

    [Fact]
    public async Task A_provider_outage_on_create_is_retried_with_the_same_idempotency_key_and_opens_one_session()
    {
        var before = await SessionsAsync("adullam");
        await using var faults = await Fixture.Simulators.FaultsAsync("adullam", new FaultSettings { FailNext = 1, FailStatus = 503, AfterProcessing = true, PathContains = "/v1/checkouts" });

        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Adullam));

        Assert.Equal("requires_action", opened.GetProperty("status").GetString());
        Assert.Equal(before + 1, await SessionsAsync("adullam"));
    }

    [Fact]
    public async Task A_create_whose_answer_was_lost_at_a_hosted_page_provider_is_retried_and_opens_the_checkout()
    {
        var before = await SessionsAsync("kiotapay");
        await using var faults = await Fixture.Simulators.FaultsAsync("kiotapay", new FaultSettings { FailNext = 1, FailStatus = 503, AfterProcessing = true, PathContains = "checkout-sessions" });

        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Kiotapay));

        // Two sessions at Kiotapay, but only the retry's URL was ever seen: only it can be paid.
        Assert.Equal("pending", opened.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, opened.GetProperty("checkoutUrl").ValueKind);
        Assert.Equal(before + 2, await SessionsAsync("kiotapay"));
    }
}
