using System.Text.Json;
using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Simulators;
using CheckoutOrchestrator.Tests.Infrastructure;
using Xunit;

namespace CheckoutOrchestrator.Tests.Providers.Contracts;

public sealed class ChpterContractTests : ContractTestBase
{
    public ChpterContractTests(SimulatorFixture simulator)
        : base(simulator)
    {
    }

    [Fact]
    public async Task We_send_the_documented_request_and_read_the_documented_answer()
    {
        Stub.Answer("/checkout.sessions/hosted/redirect/session", SeedExamples.ChpterResponse);

        var session = await Host.CreateAsync(SampleCheckouts.NewCheckoutId(), SampleCheckouts.For(PaymentProvider.Chpter));
        var sent = Sent("/checkout.sessions/hosted/redirect/session");

        // location is optional ("Delivery and shipping address"), and we do not collect addresses.
        ContractAssert.SameShape(SeedExamples.ChpterRequest, sent.Body, optionalAbsent: ["customer_details.location"]);
        Assert.Equal("Token chpter_pk_simulator", sent.Headers["Authorization"]);
        Assert.Equal(SimulatorCredentials.ChpterDomain, sent.Headers["domain"]);
        Assert.Equal(("R8K7iFxrN3CW6r0cKu", "https://chpter.co/checkout.sessions/hosted/session/R8K7iFxrN3CW6r0cKu"), (session.SessionId, session.CheckoutUrl!.AbsoluteUri));
    }

    [Theory]
    [InlineData(nameof(SeedExamples.ChpterMpesaSuccess), PaymentStatus.Succeeded, false)]
    [InlineData(nameof(SeedExamples.ChpterCardSuccess), PaymentStatus.Succeeded, false)]
    [InlineData(nameof(SeedExamples.ChpterMpesaFailure), PaymentStatus.Failed, false)]
    [InlineData(nameof(SeedExamples.ChpterCardFailure), PaymentStatus.Failed, false)]
    public void Each_documented_callback_decides_its_outcome(string example, PaymentStatus expected, bool needsReview)
    {
        var payload = (string)typeof(SeedExamples).GetField(example)!.GetValue(null)!;
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var token = System.Web.HttpUtility.ParseQueryString(Host.CallbackUrls.ForCheckout(PaymentProvider.Chpter, checkoutId).Query)["token"];

        var verdict = Host.Reader(PaymentProvider.Chpter).Read(new ProviderCallback(PaymentProvider.Chpter, payload, checkoutId, token, DateTimeOffset.UtcNow));

        Assert.Equal((expected, 100m, "945"), (verdict.Event!.Status!.Status!.Value, verdict.Event.Status.PaidAmount!.Value, verdict.Event.ProviderReference));
        Assert.Equal(needsReview, verdict.Event.ReviewNote is not null);
    }

    [Fact]
    public async Task The_simulator_takes_the_documented_request_as_written_and_answers_in_the_documented_shape()
    {
        var (status, body) = await PostToSimulatorAsync(
            "/chpter/checkout.sessions/hosted/redirect/session",
            SeedExamples.ChpterRequest,
            new Dictionary<string, string> { ["Authorization"] = $"Token {SimulatorCredentials.ChpterApiToken}", ["domain"] = SimulatorCredentials.ChpterDomain });

        Assert.Equal(200, status);
        ContractAssert.SameShape(SeedExamples.ChpterResponse, body);
        Assert.Equal("123", JsonDocument.Parse(body).RootElement.GetProperty("order_id").GetString());
    }
}
