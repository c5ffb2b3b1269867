using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Tests.Infrastructure;
using Xunit;

namespace CheckoutOrchestrator.Tests.Api;

public sealed class WebhookApiTests : ApiTestBase
{
    public WebhookApiTests(DevRunFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task A_callback_for_an_unknown_provider_is_a_404()
    {
        using var response = await PostRawAsync(new Uri("/webhooks/paypal", UriKind.Relative), "{}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_callback_with_a_forged_token_changes_nothing()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Chpter));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        var forged = $$"""{"Success": true, "Message": "Success", "Amount": "100", "Status": 200, "transaction_reference": "{{opened.GetProperty("providerReference").GetString()}}"}""";

        using var response = await PostRawAsync(new Uri($"/webhooks/chpter?checkout={checkoutId}&token=forged", UriKind.Relative), forged);

        // Read as a hint (Chpter has no lookup to ask), never as a payment.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await JsonOf(response)).GetProperty("checkoutId").ValueKind);
        await Task.Delay(500);
        var checkout = await GetCheckoutAsync(checkoutId);
        Assert.Equal(("pending", false), (checkout.GetProperty("status").GetString(), checkout.GetProperty("needsReview").GetBoolean()));
    }

    [Fact]
    public async Task A_callback_with_neither_a_token_nor_an_id_to_be_found_by_is_a_401()
    {
        using var response = await PostRawAsync(new Uri("/webhooks/kiotapay", UriKind.Relative), """{"status":"SUCCEEDED"}""");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_callback_that_is_not_json_is_a_400()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Kiotapay));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;

        using var response = await PostRawAsync(Urls.ForCheckout(PaymentProvider.Kiotapay, checkoutId), "<xml/>");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_callback_for_a_checkout_that_does_not_exist_is_a_404()
    {
        var checkoutId = SampleCheckouts.UnknownCheckoutId();

        using var response = await PostRawAsync(Urls.ForCheckout(PaymentProvider.Kiotapay, checkoutId), """{"status": "SUCCEEDED"}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_success_callback_after_the_checkout_ended_is_read_and_goes_to_review_when_the_lookup_contradicts_it()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Kiotapay));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        using (await Api.PostAsync(new Uri($"/checkouts/{checkoutId}/cancel", UriKind.Relative), null))
        {
            Assert.Equal("cancelled", (await FinalStateAsync(checkoutId)).GetProperty("status").GetString());
        }

        using var response = await PostRawAsync(Urls.ForCheckout(PaymentProvider.Kiotapay, checkoutId), """{"status": "SUCCEEDED"}""");
        var receipt = await JsonOf(response);
        var reviewed = await EventuallyAsync(checkoutId, c => c.GetProperty("needsReview").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(receipt.GetProperty("delivered").GetBoolean());
        Assert.Equal("cancelled", reviewed.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, reviewed.GetProperty("latePayment").ValueKind);
        Assert.Contains(reviewed.GetProperty("reviewNotes").EnumerateArray(), n => n.GetProperty("note").GetString()!.Contains("said the payment succeeded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_verified_callback_is_relayed_and_acknowledged()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Kiotapay));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;

        using var response = await PostRawAsync(Urls.ForCheckout(PaymentProvider.Kiotapay, checkoutId), """{"status": "PENDING"}""");
        var receipt = await JsonOf(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((checkoutId, true), (receipt.GetProperty("checkoutId").GetString(), receipt.GetProperty("delivered").GetBoolean()));
    }

    [Fact]
    public async Task An_account_webhook_whose_ids_try_to_widen_the_search_reaches_no_checkout_and_learns_nothing()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Adullam));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        var hostile = """{"id": "evt_1", "type": "payment.completed", "data": {"checkout_id": "x' OR ProviderSessionKeys != 'y", "status": "completed"}}""";
        var lookups = (await Fixture.Simulators.CountsAsync("adullam")).StatusLookups;

        using var response = await PostRawAsync(new Uri("/webhooks/adullam", UriKind.Relative), hostile);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await JsonOf(response)).GetProperty("checkoutId").ValueKind);
        await Task.Delay(500);
        Assert.Equal(lookups, (await Fixture.Simulators.CountsAsync("adullam")).StatusLookups);
        Assert.Equal("pending", (await GetCheckoutAsync(checkoutId)).GetProperty("status").GetString());
    }
}
