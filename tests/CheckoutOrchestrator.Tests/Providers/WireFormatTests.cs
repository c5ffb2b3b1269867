using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Providers.Adullam;
using CheckoutOrchestrator.Providers.Chpter;
using CheckoutOrchestrator.Providers.LakiPay;
using Xunit;

namespace CheckoutOrchestrator.Tests.Providers;

/// <summary>Money stays decimal and reaches each provider in the form it documents: number, integer or string.</summary>
public sealed class WireFormatTests
{
    [Fact]
    public void LakiPay_amounts_are_json_numbers_with_two_decimals()
    {
        var body = new LakiPayCheckoutRequest(Amounts.WithScale(1000.5m, 2), "ETB", "251911111111", "REF", null, null, new LakiPayRedirects("https://s", "https://f"), ["MPESA"]);

        Assert.Contains("\"amount\":1000.50,", JsonSerializer.Serialize(body, ProviderJson.SnakeCase), StringComparison.Ordinal);
    }

    [Fact]
    public void Chpter_amounts_are_strings_of_whole_units()
    {
        var amount = new ChpterAmount("945", "0", "0", Amounts.WholeText(100.00m), "kes");

        Assert.Equal(
            """{"order_id":"945","delivery_fee":"0","discount_fee":"0","total":"100","currency":"kes"}""",
            JsonSerializer.Serialize(amount, ProviderJson.SnakeCase));
    }

    [Fact]
    public void Adullam_amounts_are_integers()
    {
        var body = new AdullamCreateCheckoutRequest(Amounts.Whole(5000.00m), "XOF", "+2250798765432", null, 1800);

        Assert.Equal("""{"amount":5000,"currency":"XOF","user_phone":"+2250798765432","expires_in":1800}""", JsonSerializer.Serialize(body, ProviderJson.SnakeCase));
    }

    [Fact]
    public void Checkout_ids_are_stable_per_merchant_reference_and_distinct_across_them()
    {
        var id = CheckoutIds.For("merchant-1", "ORDER-1");

        Assert.Equal(id, CheckoutIds.For("merchant-1", "ORDER-1"));
        Assert.NotEqual(id, CheckoutIds.For("merchant-2", "ORDER-1"));
        Assert.NotEqual(id, CheckoutIds.For("merchant-1", "ORDER-2"));
        Assert.True(CheckoutIds.IsWellFormed(id));
        Assert.False(CheckoutIds.IsWellFormed("co_not-hex"));
    }

    [Fact]
    public void Adullams_idempotency_key_is_a_uuid_derived_from_the_checkout()
    {
        var key = AdullamClient.IdempotencyKeyFor("co_0123456789abcdef0123456789abcdef");

        Assert.True(Guid.TryParse(key, out _));
        Assert.Equal(key, AdullamClient.IdempotencyKeyFor("co_0123456789abcdef0123456789abcdef"));
        Assert.NotEqual(key, AdullamClient.IdempotencyKeyFor("co_fedcba9876543210fedcba9876543210"));
    }
}
