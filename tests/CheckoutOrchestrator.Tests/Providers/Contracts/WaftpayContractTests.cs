using System.Text.Json;
using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Simulators;
using CheckoutOrchestrator.Tests.Infrastructure;
using Xunit;

namespace CheckoutOrchestrator.Tests.Providers.Contracts;

public sealed class WaftpayContractTests : ContractTestBase
{
    public WaftpayContractTests(SimulatorFixture simulator)
        : base(simulator)
    {
    }

    [Fact]
    public async Task We_send_the_documented_request_and_read_the_documented_answer()
    {
        Stub.Answer("/generate-token", SeedExamples.WaftpayToken).Answer("/checkout-backend-api/v1/request", SeedExamples.WaftpayResponse);

        var session = await Host.CreateAsync(SampleCheckouts.NewCheckoutId(), SampleCheckouts.For(PaymentProvider.Waftpay));
        var sent = Sent("/checkout-backend-api/v1/request");

        ContractAssert.SameShape(SeedExamples.WaftpayRequest, sent.Body, freeForm: ["meta_data"]);
        Assert.Equal("Bearer <JWT>", sent.Headers["Authorization"]);
        Assert.Equal("https://waftpay.netlify.app/checkout/OTRkN2I2YTQtZTliZi00MDI0LTk2N2ItZGI1MTQ0NmU2NzY2", session.CheckoutUrl!.AbsoluteUri);
        Assert.Equal(DateTimeOffset.Parse("2026-03-02T14:08:41.921Z", System.Globalization.CultureInfo.InvariantCulture), session.ExpiresAt);
    }

    [Fact]
    public void The_documented_callback_names_waftpays_payment_and_only_asks_for_a_status_query()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var urls = Host.CallbackUrls;
        var token = System.Web.HttpUtility.ParseQueryString(urls.ForCheckout(PaymentProvider.Waftpay, checkoutId).Query)["token"];

        var verdict = Host.Reader(PaymentProvider.Waftpay).Read(new ProviderCallback(PaymentProvider.Waftpay, SeedExamples.WaftpayCallback, checkoutId, token, DateTimeOffset.UtcNow));

        Assert.Equal(CallbackVerdictKind.Accepted, verdict.Kind);
        Assert.Equal((false, "413283551145761444", PaymentStatus.Succeeded, 100m), (verdict.Event!.Evidence == CallbackEvidence.Signature, verdict.Event.ProviderPaymentId, verdict.Event.Status!.Status, verdict.Event.Status.PaidAmount));
    }

    [Fact]
    public async Task The_simulator_takes_the_documented_request_save_its_expiry_which_has_passed()
    {
        var token = await TokenAsync();

        var (status, body) = await PostToSimulatorAsync("/waftpay/api/checkout-backend-api/v1/request", SeedExamples.WaftpayRequest, new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" });
        var current = SeedExamples.WaftpayRequest
            .Replace("2026-02-14 18:30:00", DateTimeOffset.UtcNow.AddDays(1).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("CHK623581942", $"CHK{Guid.NewGuid():N}", StringComparison.Ordinal);
        var (accepted, answer) = await PostToSimulatorAsync("/waftpay/api/checkout-backend-api/v1/request", current, new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" });

        Assert.Equal(400, status);
        Assert.Equal("extra_params.expiry", JsonDocument.Parse(body).RootElement.GetProperty("param").GetString());
        Assert.Equal(200, accepted);
        ContractAssert.SameShape(SeedExamples.WaftpayResponse, answer);
    }

    private async Task<string> TokenAsync()
    {
        var (_, body) = await PostToSimulatorAsync(
            "/waftpay/api/authentication-service/v1/api/generate-token",
            $$"""{"consumer_key":"{{SimulatorCredentials.WaftpayConsumerKey}}","consumer_secret":"{{SimulatorCredentials.WaftpayConsumerSecret}}"}""",
            new Dictionary<string, string>());
        ContractAssert.SameShape(SeedExamples.WaftpayToken, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;
    }
}
