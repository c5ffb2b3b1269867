using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Tests.Infrastructure;
using CheckoutOrchestrator.Validation;
using Xunit;

namespace CheckoutOrchestrator.Tests.Providers.Contracts;

/// <summary>Kiotapay's seed lost its example bodies; its field list and its public GET example remain.</summary>
public sealed class KiotapayContractTests : ContractTestBase
{
    private static readonly string[] DocumentedFields =
    [
        "amount", "currency", "description", "successUrl", "cancelUrl", "paymentMethods",
        "externalReference", "customerEmail", "customerPhone", "paymentReference", "callbackUrl",
    ];

    private static readonly string[] RequiredFields = ["amount", "currency", "description", "successUrl", "cancelUrl", "paymentMethods"];

    public KiotapayContractTests(SimulatorFixture simulator)
        : base(simulator)
    {
    }

    [Fact]
    public async Task We_send_only_documented_fields_as_exactly_application_json_and_read_the_documented_session()
    {
        Stub.Answer("/api/v1/get-token", SeedExamples.KiotapayToken)
            .Answer("/checkout-sessions/", SeedExamples.KiotapaySession)
            .Answer("/checkout-sessions", """{"id":"cf488410-…","checkoutUrl":"https://pay.kiotapay.co/c/cf488410","checkoutRef":"KP-1","status":"PENDING"}""");
        var checkoutId = SampleCheckouts.NewCheckoutId();

        var session = await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.Kiotapay));
        var status = await Host.StatusAsync(checkoutId, PaymentProvider.Kiotapay, session);
        var sent = Sent("/api/sandbox/v1/checkout-sessions");

        using var body = JsonDocument.Parse(sent.Body);
        var fields = body.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Empty(fields.Except(DocumentedFields));
        Assert.Empty(RequiredFields.Except(fields));
        Assert.Equal("application/json", sent.ContentType);
        Assert.Equal((PaymentStatus.Pending, 1500m), (status.Status, status.PaidAmount));
    }

    [Fact]
    public void The_documents_own_phone_example_is_accepted_for_the_optional_customer_phone()
    {
        var request = SampleCheckouts.For(PaymentProvider.Kiotapay) with { Customer = new Customer("Jane", "+237612345678", null) };

        Assert.Empty(CheckoutValidator.Validate(request));
    }
}
