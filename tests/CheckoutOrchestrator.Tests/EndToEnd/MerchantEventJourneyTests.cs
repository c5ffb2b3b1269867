using System.Net;
using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Simulators.Merchant;
using CheckoutOrchestrator.Tests.Api;
using CheckoutOrchestrator.Tests.Infrastructure;
using Xunit;

namespace CheckoutOrchestrator.Tests.EndToEnd;

/// <summary>The merchant's events: listed with their deliveries, and sent again on request.</summary>
[Collection(DevRunGroup.Name)]
public sealed class MerchantEventJourneyTests : ApiTestBase
{
    public MerchantEventJourneyTests(DevRunFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task A_redelivered_event_arrives_again_with_its_id_and_a_fresh_signature_and_the_list_shows_it()
    {
        var checkoutId = await PaidCheckoutAsync();
        var first = Assert.Single(await Fixture.Simulators.InboxAsync(checkoutId, atLeast: 1));
        var listed = await EventsAsync($"checkoutId={checkoutId}");
        var eventId = Assert.Single(listed.GetProperty("events").EnumerateArray()).GetProperty("id").GetString()!;

        await Task.Delay(TimeSpan.FromSeconds(1.1));
        using var redeliver = await Api.PostAsync(new Uri($"/events/{eventId}/redeliver", UriKind.Relative), null);
        var copies = await Fixture.Simulators.InboxAsync(checkoutId, atLeast: 2);

        Assert.Equal(HttpStatusCode.Accepted, redeliver.StatusCode);
        Assert.Equal((first.EventId, first.EventId), (eventId, copies[1].EventId));
        Assert.All(copies, c => Assert.True(c.SignatureVerified, c.SignatureProblem));
        Assert.NotEqual(copies[0].Signature, copies[1].Signature);
        var redelivery = await EventuallyAsync(async () => (await EventsAsync($"checkoutId={checkoutId}")).GetProperty("events")[0].GetProperty("redelivery"), r => r.ValueKind == JsonValueKind.Object && r.GetProperty("state").GetString() == "delivered");
        Assert.Equal(200, redelivery.GetProperty("attempts")[0].GetProperty("httpStatus").GetInt32());
    }

    [Fact]
    public async Task The_list_filters_by_type_and_delivery_and_refuses_what_it_cannot_read_field_by_field()
    {
        var checkoutId = await PaidCheckoutAsync();
        await Fixture.Simulators.InboxAsync(checkoutId, atLeast: 1);
        await EventuallyAsync(async () => await EventsAsync($"checkoutId={checkoutId}&delivered=true"), page => page.GetProperty("events").GetArrayLength() == 1);

        var succeeded = await EventsAsync("type=CHECKOUT.SUCCEEDED&pageSize=5");
        var undelivered = await EventsAsync($"checkoutId={checkoutId}&delivered=false");
        using var refused = await Api.GetAsync(new Uri("/events?type=checkout.paid&delivered=maybe&checkoutId=co_1", UriKind.Relative));

        Assert.All(succeeded.GetProperty("events").EnumerateArray(), e => Assert.Equal(MerchantEventTypes.Succeeded, e.GetProperty("type").GetString()));
        Assert.Contains(succeeded.GetProperty("events").EnumerateArray(), e => e.GetProperty("checkoutId").GetString() == checkoutId);
        Assert.Equal(0, undelivered.GetProperty("events").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await JsonOf(refused)).GetProperty("errors");
        Assert.Equal(["checkoutId", "delivered", "type"], errors.EnumerateObject().Select(e => e.Name).Order());
    }

    [Fact]
    public async Task An_event_of_another_merchant_or_an_unknown_id_is_not_redelivered()
    {
        var checkoutId = await PaidCheckoutAsync();
        await Fixture.Simulators.InboxAsync(checkoutId, atLeast: 1);
        var eventId = (await EventsAsync($"checkoutId={checkoutId}")).GetProperty("events")[0].GetProperty("id").GetString()!;
        using var other = Fixture.ApiAs(DevRunFixture.OtherShop.ApiKey);

        using var foreign = await other.PostAsync(new Uri($"/events/{eventId}/redeliver", UriKind.Relative), null);
        using var unknown = await Api.PostAsync(new Uri("/events/evt_nothing/redeliver", UriKind.Relative), null);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (foreign.StatusCode, unknown.StatusCode));
    }

    private static async Task<JsonElement> EventuallyAsync(Func<Task<JsonElement>> read, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"never got there: {value}");
            await Task.Delay(200);
        }
    }

    private async Task<string> PaidCheckoutAsync()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.LakiPay));
        await ChooseAsync(await CustomerPageAsync(PaymentProvider.LakiPay, opened), "pay");
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        await FinalStateAsync(checkoutId);
        return checkoutId;
    }

    private async Task<JsonElement> EventsAsync(string query) => await JsonOf(await Api.GetAsync(new Uri($"/events?{query}", UriKind.Relative)));
}
