using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Simulators;
using CheckoutOrchestrator.Tests.Infrastructure;
using Xunit;

namespace CheckoutOrchestrator.Tests.Providers.Contracts;

public sealed class LakiPayContractTests : ContractTestBase
{
    public LakiPayContractTests(SimulatorFixture simulator)
        : base(simulator)
    {
    }

    [Fact]
    public async Task We_send_the_documented_request_and_read_the_documented_answer()
    {
        Stub.Answer("/api/v2/payment/checkout", SeedExamples.LakiPayResponse);
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var request = SampleCheckouts.For(PaymentProvider.LakiPay) with { Description = "Payment for order #123" };

        var session = await Host.CreateAsync(checkoutId, request);
        var sent = Sent("/api/v2/payment/checkout");

        ContractAssert.SameShape(SeedExamples.LakiPayRequest, sent.Body);
        using var body = JsonDocument.Parse(sent.Body);
        Assert.Equal((1000.5m, "251911111111", checkoutId), (body.RootElement.GetProperty("amount").GetDecimal(), body.RootElement.GetProperty("phone_number").GetString(), body.RootElement.GetProperty("reference").GetString()));
        Assert.Equal(["MPESA", "TELEBIRR", "CBE"], body.RootElement.GetProperty("supported_mediums").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("application/json", sent.ContentType);
        Assert.Equal(("TXN-123456789", "https://checkout.lakipay.co/pay/abc123...", "INITIATED", PaymentStatus.Pending), (session.SessionId, session.CheckoutUrl!.OriginalString, session.Status.Raw, session.Status.Status));
    }

    [Fact]
    public async Task The_simulator_takes_the_documented_request_as_written_and_answers_in_the_documented_shape()
    {
        var (status, body) = await PostToSimulatorAsync(
            "/lakipay/api/v2/payment/checkout",
            SeedExamples.LakiPayRequest,
            new Dictionary<string, string> { ["X-API-Key"] = $"{SimulatorCredentials.LakiPayPublicKey}:{SimulatorCredentials.LakiPaySecretKey}" });

        Assert.Equal(200, status);
        ContractAssert.SameShape(SeedExamples.LakiPayResponse, body);
    }
}
