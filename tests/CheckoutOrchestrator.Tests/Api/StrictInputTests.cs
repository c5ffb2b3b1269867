using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Tests.Infrastructure;
using Xunit;

namespace CheckoutOrchestrator.Tests.Api;

/// <summary>What the API cannot read exactly, it refuses: no checkout opens on a body another parser would read otherwise.</summary>
public sealed class StrictInputTests : ApiTestBase
{
    public StrictInputTests(DevRunFixture fixture)
        : base(fixture)
    {
    }

    [Theory]
    [InlineData("amount", "\"-5\"", "\"1500\"")]
    [InlineData("provider", "\"kiotapay\"", "\"chpter\"")]
    public async Task A_field_sent_twice_is_a_400_naming_it_and_opens_nothing(string field, string first, string second)
    {
        var body = CheckoutBodies.For(PaymentProvider.Kiotapay);
        var reference = body["merchantReference"]!.GetValue<string>();
        body.Remove(field);
        var json = $"{{\"{field}\":{first},\"{field}\":{second}," + body.ToJsonString()[1..];

        var errors = await RefusedFieldsAsync(json, HttpStatusCode.BadRequest);

        Assert.Equal([field], errors);
        var listed = await Api.GetFromJsonAsync<JsonElement>($"/checkouts?reference={reference}");
        Assert.Empty(listed.GetProperty("checkouts").EnumerateArray());
    }

    [Theory]
    [InlineData("\"250.000000000000000000000000001\"")]
    [InlineData("250.000000000000000000000000001")]
    [InlineData("\"123456789012345678901234.123456789\"")]
    public async Task An_amount_with_more_digits_than_a_decimal_holds_is_refused_not_rounded(string amount)
    {
        var body = CheckoutBodies.For(PaymentProvider.Kiotapay);
        body.Remove("amount");
        var json = $"{{\"amount\":{amount}," + body.ToJsonString()[1..];

        Assert.Equal(["amount"], await RefusedFieldsAsync(json, HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("description", "Order \u202E05.052 BTE dnufeR")]
    [InlineData("description", "Order\u200B 1")]
    [InlineData("customer.name", "Abebe \u2066Kebede")]
    public async Task Format_characters_are_refused_in_every_text_a_payer_sees(string field, string text)
    {
        var body = CheckoutBodies.For(PaymentProvider.Kiotapay);
        if (field == "description")
        {
            body["description"] = text;
        }
        else
        {
            body["customer"]!["name"] = text;
        }

        Assert.Equal([field], await RefusedFieldsAsync(body.ToJsonString(), HttpStatusCode.UnprocessableEntity));
    }

    [Theory]
    [InlineData("status=SUCCEEDED")]
    [InlineData("status=Succeeded")]
    [InlineData("provider=CHPTER")]
    public async Task Enumerated_query_values_are_read_without_regard_to_case(string query)
    {
        using var response = await Api.GetAsync(new Uri($"/checkouts?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<IReadOnlyList<string>> RefusedFieldsAsync(string json, HttpStatusCode expected)
    {
        using var response = await Api.PostAsync(new Uri("/checkouts", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
        var problem = await JsonOf(response);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {problem}");
        return [.. problem.GetProperty("errors").EnumerateObject().Select(e => e.Name)];
    }
}
