using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Simulators.Infrastructure;
using CheckoutOrchestrator.Tests.Api;
using CheckoutOrchestrator.Tests.Infrastructure;
using Xunit;

namespace CheckoutOrchestrator.Tests.EndToEnd;

/// <summary>
/// A merchant that says what it accepts instead of who: the orchestrator picks a provider that is
/// up, fails over where no payable session can exist, and says so on the checkout, the list and the event.
/// </summary>
public sealed class RoutingJourneyTests : ApiTestBase
{
    public RoutingJourneyTests(DevRunFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task With_kiotapay_failing_every_create_a_kes_mpesa_checkout_naming_no_provider_is_paid_at_the_next_provider()
    {
        // As a person does it in the dev run: the simulators' page has a button for it.
        var body = Routed();
        JsonElement opened;
        using (await Fixture.Simulators.Http.PostAsync(new Uri("/simulator/kiotapay/faults/fail-creates", UriKind.Relative), null))
        {
            try
            {
                opened = await OpenAsync(body);
            }
            finally
            {
                using var cleared = await Fixture.Simulators.Http.PostAsync(new Uri("/simulator/kiotapay/faults/clear", UriKind.Relative), null);
            }
        }

        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        await ChooseAsync(new Uri(opened.GetProperty("checkoutUrl").GetString()!), "pay");
        var final = await FinalStateAsync(checkoutId);
        var listed = await Api.GetFromJsonAsync<JsonElement>($"/checkouts?failedOver=true&provider=waftpay&reference={body["merchantReference"]}");
        var events = await Fixture.Simulators.InboxAsync(checkoutId, atLeast: 1);

        Assert.Equal(("waftpay", "succeeded"), (final.GetProperty("provider").GetString(), final.GetProperty("status").GetString()));
        var routing = final.GetProperty("routing");
        Assert.True(routing.GetProperty("failedOver").GetBoolean());
        Assert.Equal(["kiotapay", "waftpay"], routing.GetProperty("providers").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains(routing.GetProperty("passedOver").EnumerateArray(), p => p.GetString()!.StartsWith("kiotapay:", StringComparison.Ordinal));
        Assert.Equal([checkoutId], listed.GetProperty("checkouts").EnumerateArray().Select(c => c.GetProperty("checkoutId").GetString()));
        Assert.Contains(events, e => e.Type == "checkout.succeeded" && e.Body.Contains("\"provider\":\"waftpay\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_checkout_naming_its_provider_never_fails_over()
    {
        var body = CheckoutBodies.For(PaymentProvider.Kiotapay);
        await using (await Fixture.Simulators.FaultsAsync("kiotapay", new FaultSettings { FailNext = 1000, FailStatus = 400, PathContains = "checkout" }))
        {
            using var refused = await PostCheckoutAsync(body);
            Assert.Equal(422, (int)refused.StatusCode);
        }
    }

    [Fact]
    public async Task A_checkout_no_provider_takes_is_a_422_saying_why_each_refused()
    {
        var body = Routed();
        body["amount"] = "1500.50";

        using var refused = await PostCheckoutAsync(body);
        var problem = await JsonOf(refused);

        Assert.Equal(422, (int)refused.StatusCode);
        Assert.Contains(problem.GetProperty("errors").GetProperty("providers").EnumerateArray(), e => e.GetString()!.StartsWith("waftpay:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Routing_says_which_providers_it_left_out_and_why()
    {
        // Waftpay and Chpter need the customer's name; this customer gave none.
        var body = Routed();
        body["customer"]!.AsObject().Remove("name");

        var opened = await OpenAsync(body);

        var routing = opened.GetProperty("routing");
        Assert.Equal("kiotapay", routing.GetProperty("chosen").GetString());
        var leftOut = routing.GetProperty("passedOver").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Contains(leftOut, p => p.StartsWith("waftpay:", StringComparison.Ordinal) && p.Contains("name", StringComparison.Ordinal));
        Assert.Contains(leftOut, p => p.StartsWith("chpter:", StringComparison.Ordinal) && p.Contains("name", StringComparison.Ordinal));
    }

    private static JsonObject Routed()
    {
        var body = CheckoutBodies.For(PaymentProvider.Kiotapay);
        body.Remove("provider");
        body["allowedMethods"] = new JsonArray("mpesa");
        return body;
    }
}
