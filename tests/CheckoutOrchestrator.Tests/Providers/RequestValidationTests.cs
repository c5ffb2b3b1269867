using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Tests.Infrastructure;
using CheckoutOrchestrator.Validation;
using Xunit;

namespace CheckoutOrchestrator.Tests.Providers;

/// <summary>Input a provider cannot accept is reported field by field, with the provider's rule.</summary>
public sealed class RequestValidationTests
{
    [Theory]
    [MemberData(nameof(EveryProvider.Data), MemberType = typeof(EveryProvider))]
    public void The_documented_example_of_each_provider_is_accepted(PaymentProvider provider) =>
        Assert.Empty(CheckoutValidator.Validate(SampleCheckouts.For(provider)));

    [Theory]
    [InlineData(PaymentProvider.Adullam, "99", "XOF", "amount", "at least 100 XOF")]
    [InlineData(PaymentProvider.Adullam, "150.5", "XOF", "amount", "at most 0 decimal places")]
    [InlineData(PaymentProvider.Kiotapay, "1500.50", "KES", "amount", "whole KES")]
    [InlineData(PaymentProvider.Waftpay, "1750.25", "KES", "amount", "whole KES")]
    [InlineData(PaymentProvider.Chpter, "100.10", "KES", "amount", "whole KES")]
    [InlineData(PaymentProvider.LakiPay, "1000.505", "ETB", "amount", "at most 2 decimal places")]
    [InlineData(PaymentProvider.LakiPay, "0", "ETB", "amount", "greater than zero")]
    [InlineData(PaymentProvider.Kiotapay, "1500", "XOF", "currency", "Kiotapay accepts KES")]
    [InlineData(PaymentProvider.Adullam, "5000", "EUR", "currency", "must be one of")]
    public void Amounts_break_whole_unit_rails_minimums_and_currency_rules(PaymentProvider provider, string amount, string currency, string field, string rule)
    {
        var request = SampleCheckouts.For(provider) with { Amount = new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency) };

        var error = Assert.Single(CheckoutValidator.Validate(request));

        Assert.Equal(field, error.Field);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kiotapay_card_only_checkouts_may_carry_cents()
    {
        var request = SampleCheckouts.For(PaymentProvider.Kiotapay) with { Amount = new Money(1500.50m, "KES"), AllowedMethods = [PaymentMethod.Card] };

        Assert.Empty(CheckoutValidator.Validate(request));
    }

    [Theory]
    [InlineData(PaymentProvider.LakiPay, "+254712345678", "region ET")]
    [InlineData(PaymentProvider.Waftpay, "+251911111111", "region KE")]
    [InlineData(PaymentProvider.Adullam, "+22507987654", "10 digits since 2021")]
    [InlineData(PaymentProvider.Adullam, "+254712345678", "region CI")]
    [InlineData(PaymentProvider.Chpter, "+254202222222", "region KE")]
    [InlineData(PaymentProvider.Chpter, "0712345678", "international number in E.164")]
    [InlineData(PaymentProvider.Kiotapay, "+2376123", "more or fewer digits")]
    public void Phones_are_checked_for_the_providers_market(PaymentProvider provider, string phone, string rule)
    {
        var request = SampleCheckouts.For(provider) with { Customer = SampleCheckouts.For(provider).Customer with { Phone = phone } };

        var error = Assert.Single(CheckoutValidator.Validate(request));

        Assert.Equal(CheckoutFields.CustomerPhone, error.Field);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+254712345678")]
    [InlineData("+254112345678")]
    [InlineData("+251911111111")]
    [InlineData("+251711111111")]
    [InlineData("+2250798765432")]
    [InlineData("+2250505050505")]
    public void Mobile_numbers_of_the_providers_markets_are_valid(string phone) =>
        Assert.Equal(phone, PhoneNumberRules.ToE164(phone));

    [Fact]
    public void Phones_are_normalised_to_e164_and_written_without_plus_for_providers_that_want_digits()
    {
        Assert.Equal("+254712345678", PhoneNumberRules.ToE164("+254 712 345 678"));
        Assert.Equal("254712345678", PhoneNumberRules.DigitsOnly("+254712345678"));
        Assert.Null(PhoneNumberRules.ToE164("0712345678"));
    }

    [Fact]
    public void Each_broken_field_is_named_with_its_rule()
    {
        var request = SampleCheckouts.For(PaymentProvider.Chpter) with
        {
            MerchantReference = string.Empty,
            Description = new string('x', 201),
            Customer = new Customer(null, "+254712345678", "not-an-email"),
            Redirects = new RedirectUrls(new Uri("ftp://example.com/s"), new Uri("https://example.com/f")),
            ExpiresInSeconds = 60,
        };

        var errors = CheckoutValidator.Validate(request);

        Assert.Equal(
            [CheckoutFields.MerchantReference, CheckoutFields.Description, CheckoutFields.CustomerEmail, CheckoutFields.RedirectSuccess, CheckoutFields.ExpiresInSeconds],
            errors.Select(e => e.Field));
    }

    [Fact]
    public void Provider_rules_name_the_fields_that_provider_needs()
    {
        var request = SampleCheckouts.For(PaymentProvider.Chpter) with
        {
            Customer = new Customer(null, "+254712345678", null),
            Redirects = null,
            AllowedMethods = [PaymentMethod.MPesa],
        };

        var errors = CheckoutValidator.Validate(request);

        Assert.Equal(
            [CheckoutFields.CustomerName, CheckoutFields.CustomerEmail, CheckoutFields.RedirectSuccess, CheckoutFields.AllowedMethods],
            errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData(PaymentProvider.Kiotapay, PaymentMethod.Telebirr, "Kiotapay offers Card, MPesa")]
    [InlineData(PaymentProvider.Waftpay, PaymentMethod.MPesa, "cannot be restricted")]
    public void Methods_a_provider_does_not_offer_are_refused(PaymentProvider provider, PaymentMethod method, string rule)
    {
        var error = Assert.Single(CheckoutValidator.Validate(SampleCheckouts.For(provider) with { AllowedMethods = [method] }));

        Assert.Equal(CheckoutFields.AllowedMethods, error.Field);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LakiPay_takes_usd_only_by_card()
    {
        var usd = SampleCheckouts.For(PaymentProvider.LakiPay) with { Amount = new Money(25m, "USD") };

        Assert.Equal(CheckoutFields.Currency, Assert.Single(CheckoutValidator.Validate(usd)).Field);
        Assert.Empty(CheckoutValidator.Validate(usd with { AllowedMethods = [PaymentMethod.Card] }));
    }

    // Found by the reliability suite's bad-input run: both were accepted and opened provider sessions.
    [Theory]
    [InlineData("description", "Order\u0000\u0007", "description")]
    [InlineData("name", "Jane\u001b[31m", "customer.name")]
    [InlineData("reference", "<script>alert(1)</script>", "merchantReference")]
    [InlineData("reference", "order 1; rm -rf /", "merchantReference")]
    public void Control_characters_in_text_and_markup_in_references_are_refused(string part, string value, string field)
    {
        var sample = SampleCheckouts.For(PaymentProvider.Kiotapay);
        var text = System.Text.RegularExpressions.Regex.Unescape(value);
        var request = part switch
        {
            "description" => sample with { Description = text },
            "name" => sample with { Customer = sample.Customer with { Name = text } },
            _ => sample with { MerchantReference = text },
        };

        Assert.Equal(field, Assert.Single(CheckoutValidator.Validate(request)).Field);
    }

    [Theory]
    [InlineData("ORDER-2026/11#42")]
    [InlineData("inv_2026.11:7")]
    public void Order_numbers_as_merchants_write_them_are_accepted(string reference) =>
        Assert.Empty(CheckoutValidator.Validate(SampleCheckouts.For(PaymentProvider.Kiotapay) with { MerchantReference = reference }));
}
