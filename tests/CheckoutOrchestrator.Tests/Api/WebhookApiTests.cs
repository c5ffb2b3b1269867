using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CheckoutOrchestrator.Tests.Api;

public sealed class WebhookApiTests : ApiTestBase
{
    public WebhookApiTests(DevRunFixture fixture)
        : base(fixture)
    {
    }

    private CallbackUrls Urls => Fixture.Run.ApiServices.GetRequiredService<CallbackUrls>();

    [Fact]
    public async Task A_callback_for_an_unknown_provider_is_a_404()
    {
        using var response = await PostRawAsync(new Uri("/webhooks/paypal", UriKind.Relative), "{}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_callback_without_its_checkouts_token_is_a_401_and_changes_nothing()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Chpter));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        var forged = """{"Success": true, "Message": "Success", "Amount": "100", "Status": 200, "transaction_reference": "x"}""";

        using var response = await PostRawAsync(new Uri($"/webhooks/chpter?checkout={checkoutId}&token=forged", UriKind.Relative), forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("pending", (await GetCheckoutAsync(checkoutId)).GetProperty("status").GetString());
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
        var checkoutId = CheckoutIds.For("nobody", Guid.NewGuid().ToString());

        using var response = await PostRawAsync(Urls.ForCheckout(PaymentProvider.Kiotapay, checkoutId), """{"status": "SUCCEEDED"}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_success_callback_after_the_checkout_failed_is_read_and_goes_to_review_when_the_lookup_contradicts_it()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Kiotapay));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        await ChooseAsync(new Uri(opened.GetProperty("checkoutUrl").GetString()!), "fail");
        Assert.Equal("failed", (await FinalStateAsync(checkoutId)).GetProperty("status").GetString());

        using var response = await PostRawAsync(Urls.ForCheckout(PaymentProvider.Kiotapay, checkoutId), """{"status": "SUCCEEDED"}""");
        var receipt = await JsonOf(response);
        var reviewed = await EventuallyAsync(checkoutId, c => c.GetProperty("needsReview").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(receipt.GetProperty("delivered").GetBoolean());
        Assert.Equal("failed", reviewed.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, reviewed.GetProperty("latePayment").ValueKind);
        Assert.Contains(reviewed.GetProperty("reviewNotes").EnumerateArray(), n => n.GetString()!.Contains("said the payment succeeded", StringComparison.Ordinal));
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
    public async Task An_account_webhook_naming_no_known_session_is_a_404_even_when_its_ids_try_to_widen_the_search()
    {
        await OpenAsync(CheckoutBodies.For(PaymentProvider.Adullam));
        var hostile = """{"id": "evt_1", "type": "payment.completed", "data": {"checkout_id": "x' OR ProviderSessionKeys != 'y", "status": "completed"}}""";

        using var response = await PostRawAsync(new Uri("/webhooks/adullam", UriKind.Relative), hostile);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<HttpResponseMessage> PostRawAsync(Uri url, string body) =>
        await Api.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
}
