using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Simulators.Infrastructure;
using CheckoutOrchestrator.Tests.Infrastructure;
using Xunit;

namespace CheckoutOrchestrator.Tests.Api;

public sealed class CheckoutApiTests : ApiTestBase
{
    public CheckoutApiTests(DevRunFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task Opening_a_checkout_answers_201_with_its_address_the_checkout_url_and_the_amount_as_a_string()
    {
        using var response = await PostCheckoutAsync(CheckoutBodies.For(PaymentProvider.LakiPay));
        var checkout = await JsonOf(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var checkoutId = checkout.GetProperty("checkoutId").GetString()!;
        Assert.Equal($"/checkouts/{checkoutId}", response.Headers.Location!.OriginalString);
        Assert.Equal(("1000.50", "ETB"), (checkout.GetProperty("amount").GetProperty("value").GetString(), checkout.GetProperty("amount").GetProperty("currency").GetString()));
        Assert.StartsWith(Fixture.Run.SimulatorUrl.AbsoluteUri + "lakipay/pay/", checkout.GetProperty("checkoutUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal("pending", (await GetCheckoutAsync(checkoutId)).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(PaymentProvider.Kiotapay)]
    [InlineData(PaymentProvider.Adullam)]
    public async Task The_201_is_read_from_the_checkouts_history_and_says_what_the_checkout_itself_says(PaymentProvider provider)
    {
        // An update to wait for the session would be one more billed action on every checkout.
        var opened = await OpenAsync(CheckoutBodies.For(provider));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;

        var itself = await GetCheckoutAsync(checkoutId);
        var history = await Fixture.Temporal.GetWorkflowHandle(checkoutId).FetchHistoryAsync();

        Assert.Equal(itself.GetRawText(), opened.GetRawText());
        Assert.DoesNotContain(history.Events, e => e.WorkflowExecutionUpdateAcceptedEventAttributes is not null);
    }

    [Fact]
    public async Task A_retried_request_gets_the_same_checkout_and_opens_no_second_session()
    {
        var body = CheckoutBodies.For(PaymentProvider.Waftpay);
        var first = await OpenAsync(body);
        var sessionsBefore = await SessionsAsync("waftpay");

        body["amount"] = 1750; // the same amount written as a number
        var again = await OpenAsync(body);

        Assert.Equal(first.GetProperty("checkoutId").GetString(), again.GetProperty("checkoutId").GetString());
        Assert.Equal(first.GetProperty("checkoutUrl").GetString(), again.GetProperty("checkoutUrl").GetString());
        Assert.Equal(sessionsBefore, await SessionsAsync("waftpay"));
    }

    [Fact]
    public async Task Repeating_the_request_of_a_finished_checkout_answers_its_outcome_and_opens_nothing()
    {
        var body = CheckoutBodies.For(PaymentProvider.Kiotapay);
        var opened = await OpenAsync(body);
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        await ChooseAsync(new Uri(opened.GetProperty("checkoutUrl").GetString()!), "pay");
        await FinalStateAsync(checkoutId);
        await WaitUntilClosedAsync(checkoutId);
        var sessionsBefore = await SessionsAsync("kiotapay");

        var again = await OpenAsync(body);
        body["amount"] = "1600";
        using var changed = await PostCheckoutAsync(body);

        Assert.Equal((checkoutId, "succeeded"), (again.GetProperty("checkoutId").GetString(), again.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Equal(sessionsBefore, await SessionsAsync("kiotapay"));
    }

    [Fact]
    public async Task Repeating_the_request_of_a_checkout_that_ended_unpaid_answers_its_outcome_while_it_watches_for_late_money()
    {
        var body = CheckoutBodies.For(PaymentProvider.Kiotapay);
        var opened = await OpenAsync(body);
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        using (await Api.PostAsync(new Uri($"/checkouts/{checkoutId}/cancel", UriKind.Relative), null))
        {
            await FinalStateAsync(checkoutId);
        }

        var sessionsBefore = await SessionsAsync("kiotapay");

        var again = await OpenAsync(body);

        Assert.Equal((checkoutId, "cancelled"), (again.GetProperty("checkoutId").GetString(), again.GetProperty("status").GetString()));
        Assert.Equal(JsonValueKind.String, again.GetProperty("watchingForLatePaymentUntil").ValueKind);
        Assert.Equal(sessionsBefore, await SessionsAsync("kiotapay"));
    }

    [Fact]
    public async Task The_same_reference_with_another_amount_is_a_409_conflict()
    {
        var body = CheckoutBodies.For(PaymentProvider.Chpter);
        await OpenAsync(body);
        body["amount"] = "200";

        using var response = await PostCheckoutAsync(body);
        var problem = await JsonOf(response);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith("/reference-conflict", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_and_unreadable_fields_are_a_400_naming_each_field()
    {
        var body = new JsonObject { ["provider"] = "paypal", ["amount"] = "12,50", ["customer"] = new JsonObject { ["phone"] = "0712 345 678" } };

        using var response = await PostCheckoutAsync(body);
        var errors = (await JsonOf(response)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["amount", "currency", "customer.phone", "merchantReference", "provider"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("kiotapay", errors.GetProperty("provider")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_of_the_wrong_type_is_a_400_naming_it()
    {
        var body = CheckoutBodies.For(PaymentProvider.Kiotapay);
        body["allowedMethods"] = new JsonArray("card", "bitcoin");

        using var response = await PostCheckoutAsync(body);
        var errors = (await JsonOf(response)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("mpesa", errors.GetProperty("allowedMethods[1]")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_that_breaks_the_providers_rules_is_a_422_per_field_and_nothing_is_sent()
    {
        var sessionsBefore = await SessionsAsync("adullam");
        var body = CheckoutBodies.For(PaymentProvider.Adullam);
        body["amount"] = "50.5";
        body["expiresInSeconds"] = 60;

        using var response = await PostCheckoutAsync(body);
        var errors = (await JsonOf(response)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True(errors.TryGetProperty("amount", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("expiresInSeconds", out _), errors.ToString());
        Assert.Equal(sessionsBefore, await SessionsAsync("adullam"));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_with_a_problem()
    {
        using var broken = await Api.PostAsync(new Uri("/checkouts", UriKind.Relative), new StringContent("{\"merchantId\": ", Encoding.UTF8, "application/json"));
        using var form = await Api.PostAsync(new Uri("/checkouts", UriKind.Relative), new StringContent("merchantId=1", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (broken.StatusCode, broken.Content.Headers.ContentType!.MediaType));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
    }

    [Fact]
    public async Task A_checkout_the_provider_refuses_is_a_422_with_the_providers_code()
    {
        await using var faults = await Fixture.Simulators.FaultsAsync("lakipay", new FaultSettings { FailNext = 1, FailStatus = 400, PathContains = "payment/checkout" });

        using var response = await PostCheckoutAsync(CheckoutBodies.For(PaymentProvider.LakiPay));
        var problem = await JsonOf(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.EndsWith("/provider-rejected", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Equal(400, problem.GetProperty("providerHttpStatus").GetInt32());
    }

    [Fact]
    public async Task An_unknown_checkout_is_a_404_problem()
    {
        using var unknown = await Api.GetAsync(new Uri($"/checkouts/{SampleCheckouts.UnknownCheckoutId()}", UriKind.Relative));
        using var malformed = await Api.GetAsync(new Uri("/checkouts/not-a-checkout", UriKind.Relative));

        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (unknown.StatusCode, unknown.Content.Headers.ContentType!.MediaType));
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_merchants_endpoints_and_not_the_providers_callback_door()
    {
        var document = await Api.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");

        Assert.True(paths.TryGetProperty("/checkouts", out var checkouts));
        Assert.True(checkouts.TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/checkouts/{checkoutId}", out _));
        Assert.False(paths.TryGetProperty("/webhooks/{provider}", out _));
    }
}
