using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Tests.Infrastructure;
using CheckoutOrchestrator.Validation;
using Xunit;

namespace CheckoutOrchestrator.Tests.Providers.Contracts;

public sealed class AdullamContractTests : ContractTestBase
{
    /// <summary>The request the schema of seeds/004 describes, with its own example values.</summary>
    private const string SchemaRequest = """{"amount":5000,"currency":"XOF","user_phone":"+22507987654","description":"<string>","expires_in":1800}""";

    public AdullamContractTests(SimulatorFixture simulator)
        : base(simulator)
    {
    }

    [Fact]
    public async Task We_send_the_schemas_request_with_an_idempotency_key_and_read_its_documented_answer()
    {
        Stub.Answer("/v1/auth/token", SeedExamples.AdullamToken).Answer("/v1/checkouts", SeedExamples.AdullamResponse);

        var session = await Host.CreateAsync(SampleCheckouts.NewCheckoutId(), SampleCheckouts.For(PaymentProvider.Adullam));
        var sent = Sent("/v1/checkouts");

        ContractAssert.SameShape(SchemaRequest, sent.Body);
        Assert.True(Guid.TryParse(sent.Headers["idempotency-key"], out _));
        Assert.Equal(("cs_ci_123456789", "ORDER_123", PaymentStatus.Pending), (session.SessionId, session.PaymentId, session.Status.Status));
        Assert.Equal(DateTimeOffset.Parse("2023-11-07T05:31:56Z", System.Globalization.CultureInfo.InvariantCulture), session.CreatedAt);
    }

    [Fact]
    public async Task The_prose_templates_answer_is_read_without_error()
    {
        Stub.Answer("/v1/auth/token", SeedExamples.AdullamToken).Answer("/v1/checkouts", SeedExamples.AdullamTemplateResponse);

        var session = await Host.CreateAsync(SampleCheckouts.NewCheckoutId(), SampleCheckouts.For(PaymentProvider.Adullam));

        Assert.Equal(("cs_test_123", PaymentStatus.RequiresAction), (session.SessionId, session.Status.Status));
    }

    [Fact]
    public void The_prose_templates_request_is_not_adullams_and_is_refused_before_anything_is_sent()
    {
        using var template = JsonDocument.Parse(SeedExamples.AdullamTemplateRequest);
        var request = SampleCheckouts.For(PaymentProvider.Adullam) with
        {
            Amount = new Money(template.RootElement.GetProperty("amount").GetDecimal(), template.RootElement.GetProperty("currency").GetString()!.ToUpperInvariant()),
        };

        var errors = CheckoutValidator.Validate(request);

        Assert.Contains(errors, e => e.Field == CheckoutFields.Currency && e.Message.Contains("XOF", StringComparison.Ordinal));
    }

    [Fact]
    public void The_schemas_own_example_phone_is_refused_with_the_ten_digit_rule_not_guessed()
    {
        var request = SampleCheckouts.For(PaymentProvider.Adullam) with { Customer = new Customer(null, "+22507987654", null) };

        var error = Assert.Single(CheckoutValidator.Validate(request));

        Assert.Equal(CheckoutFields.CustomerPhone, error.Field);
        Assert.Contains("10 digits since 2021", error.Message, StringComparison.Ordinal);
    }
}
