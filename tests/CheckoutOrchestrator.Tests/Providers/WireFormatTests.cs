using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Providers.Adullam;
using CheckoutOrchestrator.Providers.Chpter;
using CheckoutOrchestrator.Providers.LakiPay;
using CheckoutOrchestrator.Tests.Infrastructure;
using Microsoft.Extensions.Options;
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
    public void Checkout_ids_are_stable_per_merchant_reference_and_nobody_without_the_key_can_compute_them()
    {
        var keys = SampleCheckouts.Keys;
        var id = keys.IdFor("merchant-1", "ORDER-1");

        Assert.Equal(id, keys.IdFor("merchant-1", "ORDER-1"));
        Assert.NotEqual(id, keys.IdFor("merchant-2", "ORDER-1"));
        Assert.NotEqual(id, keys.IdFor("merchant-1", "ORDER-2"));
        Assert.True(CheckoutIds.IsWellFormed(id));
        Assert.False(CheckoutIds.IsWellFormed("co_not-hex"));

        // The unkeyed hash an outsider could compute (the previous scheme) is not the id.
        var unkeyed = CheckoutIds.Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("merchant-1\nORDER-1")).AsSpan(0, 16));
        Assert.NotEqual(unkeyed, id);
        Assert.NotEqual(id, KeysOf("another-checkout-id-key-0123456789abcdef").IdFor("merchant-1", "ORDER-1"));
    }

    [Fact]
    public void After_a_key_rotation_the_earlier_id_of_a_reference_is_still_found()
    {
        var before = KeysOf("the-first-checkout-id-key-0123456789abcdef");
        var after = KeysOf("the-second-checkout-id-key-0123456789abcdef", "the-first-checkout-id-key-0123456789abcdef");

        Assert.NotEqual(before.IdFor("m", "ORDER-1"), after.IdFor("m", "ORDER-1"));
        Assert.Equal([before.IdFor("m", "ORDER-1")], after.EarlierIdsFor("m", "ORDER-1"));
    }

    [Fact]
    public void Adullams_idempotency_key_is_a_uuid_keyed_from_the_checkout()
    {
        var key = SampleCheckouts.ReferenceFor(PaymentProvider.Adullam, "co_0123456789abcdef0123456789abcdef");

        Assert.True(Guid.TryParse(key, out _));
        Assert.Equal(key, SampleCheckouts.ReferenceFor(PaymentProvider.Adullam, "co_0123456789abcdef0123456789abcdef"));
        Assert.NotEqual(key, SampleCheckouts.ReferenceFor(PaymentProvider.Adullam, "co_fedcba9876543210fedcba9876543210"));
        Assert.NotEqual(key, ProviderProfiles.For(PaymentProvider.Adullam).ReferenceFor("co_0123456789abcdef0123456789abcdef", KeysOf("another-checkout-id-key-0123456789abcdef")));
    }

    private static CheckoutKeys KeysOf(params string[] keys) => new(Options.Create(new CheckoutIdOptions { Keys = [.. keys] }));
}
