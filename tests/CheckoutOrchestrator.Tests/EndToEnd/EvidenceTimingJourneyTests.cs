using System.Net;
using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Simulators.Infrastructure;
using CheckoutOrchestrator.Tests.Api;
using CheckoutOrchestrator.Tests.Infrastructure;
using Xunit;

namespace CheckoutOrchestrator.Tests.EndToEnd;

/// <summary>
/// Money at the edges of time, through the whole dev run: a lookup only confirms or refutes what
/// happened before the provider read its state, and a callback that proves nothing is still news.
/// </summary>
[Collection(DevRunGroup.Name)]
public sealed class EvidenceTimingJourneyTests : ApiTestBase
{
    public EvidenceTimingJourneyTests(DevRunFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task A_customer_who_pays_while_the_cancels_lookup_is_in_flight_gets_a_paid_checkout_and_the_merchant_a_409()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Kiotapay));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        var lookupsBefore = (await Fixture.Simulators.CountsAsync("kiotapay")).StatusLookups;

        // Kiotapay reads the session, then its answer takes three seconds to leave: the payment lands in between.
        await using (await Fixture.Simulators.FaultsAsync("kiotapay", new FaultSettings { AnswerDelayMs = 3000, Method = "GET" }))
        {
            var cancel = Api.PostAsync(new Uri($"/checkouts/{checkoutId}/cancel", UriKind.Relative), null);
            await WaitForLookupsAsync("kiotapay", lookupsBefore + 1);
            await ChooseAsync(new Uri(opened.GetProperty("checkoutUrl").GetString()!), "pay");
            using var answer = await cancel;

            Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        }

        var checkout = await FinalStateAsync(checkoutId);
        Assert.Equal("succeeded", checkout.GetProperty("status").GetString());
        Assert.False(checkout.GetProperty("needsReview").GetBoolean());
    }

    [Fact]
    public async Task A_waftpay_callback_naming_another_reference_buys_a_lookup_that_finds_the_payment_and_goes_on_review()
    {
        (await Fixture.Simulators.Http.PutAsync(new Uri("/simulator/waftpay/callbacks?echo=payment-reference", UriKind.Relative), null)).EnsureSuccessStatusCode();
        try
        {
            var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Waftpay));
            var checkoutId = opened.GetProperty("checkoutId").GetString()!;

            await ChooseAsync(await CustomerPageAsync(PaymentProvider.Waftpay, opened), "pay");
            var checkout = await EventuallyAsync(checkoutId, c => c.GetProperty("status").GetString() == "succeeded");

            Assert.Equal(JsonValueKind.Null, checkout.GetProperty("providerPaymentId").ValueKind);
            var note = Assert.Single(checkout.GetProperty("reviewNotes").EnumerateArray(), n => n.GetProperty("reason").GetString() == "foreign_reference");
            Assert.Contains("not this checkout's", note.GetProperty("note").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            (await Fixture.Simulators.Http.PutAsync(new Uri("/simulator/waftpay/callbacks?echo=checkout-reference", UriKind.Relative), null)).EnsureSuccessStatusCode();
        }
    }

    private async Task WaitForLookupsAsync(string provider, int atLeast)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await Fixture.Simulators.CountsAsync(provider)).StatusLookups < atLeast)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{provider} was never asked");
            await Task.Delay(20);
        }
    }
}
