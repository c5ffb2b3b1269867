using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.DevHost;
using CheckoutOrchestrator.Tests.Infrastructure;
using Google.Protobuf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Temporalio.Api.Common.V1;
using Temporalio.Client;
using Temporalio.Common;
using Xunit;

namespace CheckoutOrchestrator.Tests.Api;

/// <summary>
/// What anyone with read access to Temporal sees of a checkout: its history as stored, fetched by a
/// client that holds no key. Customer data, callback tokens and credentials must not be in it;
/// an operator with a token reads it decoded through the codec endpoints.
/// </summary>
public sealed class CustomerDataTests : ApiTestBase
{
    public CustomerDataTests(DevRunFixture fixture)
        : base(fixture)
    {
    }

    [Theory]
    [MemberData(nameof(EveryProvider.Data), MemberType = typeof(EveryProvider))]
    public async Task A_stored_history_holds_no_customer_data_token_or_credential(PaymentProvider provider)
    {
        var (checkoutId, history) = await PaidCheckoutHistoryAsync(provider);
        var stored = Stored(history);

        foreach (var secret in CustomerData(provider).Concat(Credentials()))
        {
            Assert.False(stored.Contains(secret, StringComparison.OrdinalIgnoreCase), $"The history of {checkoutId} holds '{secret}' in clear.");
        }

        Assert.DoesNotContain("token=", stored, StringComparison.Ordinal);
        Assert.Contains("binary/encrypted", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operator_reads_the_history_decoded_through_the_codec_endpoint()
    {
        var (_, history) = await PaidCheckoutHistoryAsync(PaymentProvider.Kiotapay);
        var input = history.Events.First(e => e.WorkflowExecutionStartedEventAttributes is not null).WorkflowExecutionStartedEventAttributes.Input;
        using var operatorClient = Fixture.ApiAs(DevRun.DevOperatorToken);

        using var response = await operatorClient.PostAsync(new Uri("/codec/decode", UriKind.Relative), PayloadsContent(input));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var decoded = JsonParser.Default.Parse<Payloads>(await response.Content.ReadAsStringAsync());
        var payload = Assert.Single(decoded.Payloads_);
        Assert.Equal("json/plain", payload.Metadata["encoding"].ToStringUtf8());
        Assert.Contains("jane@example.com", payload.Data.ToStringUtf8(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Encoding_through_the_codec_endpoint_round_trips()
    {
        var plain = new Payloads { Payloads_ = { new Payload { Metadata = { ["encoding"] = ByteString.CopyFromUtf8("json/plain") }, Data = ByteString.CopyFromUtf8("\"+254712345678\"") } } };
        using var operatorClient = Fixture.ApiAs(DevRun.DevOperatorToken);

        using var encoded = await operatorClient.PostAsync(new Uri("/codec/encode", UriKind.Relative), PayloadsContent(plain));
        var sealedPayloads = JsonParser.Default.Parse<Payloads>(await encoded.Content.ReadAsStringAsync());
        using var decoded = await operatorClient.PostAsync(new Uri("/codec/decode", UriKind.Relative), PayloadsContent(sealedPayloads));

        Assert.DoesNotContain("254712345678", sealedPayloads.ToString(), StringComparison.Ordinal);
        Assert.Equal(plain, JsonParser.Default.Parse<Payloads>(await decoded.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("merchant")]
    [InlineData("not-an-operator-token")]
    public async Task Only_an_operator_token_decodes(string? token)
    {
        using var client = Fixture.ApiAs(token == "merchant" ? DevMerchant.Shop.ApiKey : token);

        using var response = await client.PostAsync(new Uri("/codec/decode", UriKind.Relative), PayloadsContent(new Payloads()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("{\"payloads\": 5}")]
    [InlineData("")]
    [InlineData("{\"payloads\": [{\"metadata\": {\"encoding\": \"YmluYXJ5L2VuY3J5cHRlZA==\"")]
    [InlineData("{\"payloads\": [{\"metadata\": {\"encoding\": \"YmluYXJ5L2VuY3J5cHRlZA==\", \"encryption-key-id\": \"ZGV2LTE=\"}, \"data\": \"AQID\"}]}")]
    public async Task Malformed_empty_truncated_or_too_short_payloads_get_a_problem_not_a_crash(string body)
    {
        using var client = Fixture.ApiAs(DevRun.DevOperatorToken);

        using var response = await client.PostAsync(new Uri("/codec/decode", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid-payloads", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Temporal_UI_may_call_the_codec_from_its_own_origin_only(bool fromTheUi)
    {
        var origin = fromTheUi
            ? Fixture.Run.ApiServices.GetRequiredService<IConfiguration>()["Codec:AllowedOrigins:0"]!
            : "https://attacker.example";
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/codec/decode");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-namespace");
        using var client = Fixture.ApiAs(null);

        using var response = await client.SendAsync(preflight);

        Assert.Equal(fromTheUi, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var allowed) && allowed.Single() == origin);
    }

    private static StringContent PayloadsContent(Payloads payloads) =>
        new(JsonFormatter.Default.Format(payloads), Encoding.UTF8, "application/json");

    // Every byte Temporal stores for the run, as stored: payloads are bytes inside the events.
    private static string Stored(WorkflowHistory history) =>
        Encoding.UTF8.GetString([.. history.Events.SelectMany(e => e.ToByteArray())]);

    private static IEnumerable<string> CustomerData(PaymentProvider provider)
    {
        var customer = SampleCheckouts.For(provider).Customer;
        var digits = new string([.. customer.Phone!.Where(char.IsAsciiDigit)]);
        return new[] { customer.Name, customer.Email, digits[^9..] }.OfType<string>();
    }

    private IEnumerable<string> Credentials() =>
        Fixture.Run.ApiServices.GetRequiredService<IConfiguration>().AsEnumerable()
            .Where(pair => pair.Value is { Length: >= 8 }
                && (pair.Key.Contains("Secret", StringComparison.OrdinalIgnoreCase)
                    || pair.Key.Contains("Key", StringComparison.OrdinalIgnoreCase)
                    || pair.Key.Contains("Password", StringComparison.OrdinalIgnoreCase)
                    || pair.Key.Contains("Token", StringComparison.OrdinalIgnoreCase))
                && !pair.Key.EndsWith("EncryptWith", StringComparison.Ordinal))
            .Select(pair => pair.Value!);

    private async Task<(string CheckoutId, WorkflowHistory History)> PaidCheckoutHistoryAsync(PaymentProvider provider)
    {
        var opened = await OpenAsync(CheckoutBodies.For(provider));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        await ChooseAsync(await CustomerPageAsync(provider, opened), "pay");
        await FinalStateAsync(checkoutId);
        await EventuallyAsync(checkoutId, c => c.GetProperty("notifications").EnumerateArray().Any(n => n.GetProperty("state").GetString() == "delivered"));

        var keyless = await TemporalClient.ConnectAsync(new(Fixture.Run.TemporalAddress) { Namespace = Fixture.Run.Namespace });
        return (checkoutId, await keyless.GetWorkflowHandle(checkoutId).FetchHistoryAsync());
    }
}
