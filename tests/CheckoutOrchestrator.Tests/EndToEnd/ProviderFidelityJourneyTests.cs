using System.Net.Http.Json;
using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers.Chpter;
using CheckoutOrchestrator.Simulators.Infrastructure;
using CheckoutOrchestrator.Tests.Api;
using CheckoutOrchestrator.Tests.Infrastructure;
using Xunit;

namespace CheckoutOrchestrator.Tests.EndToEnd;

/// <summary>
/// Providers behaving in ways their documents allow but our first guess did not: each must still end
/// in the right state, through the whole dev run.
/// </summary>
public sealed class ProviderFidelityJourneyTests : ApiTestBase
{
    public ProviderFidelityJourneyTests(DevRunFixture fixture)
        : base(fixture)
    {
    }

    [Theory]
    [InlineData(PaymentProvider.Kiotapay)]
    [InlineData(PaymentProvider.LakiPay)]
    [InlineData(PaymentProvider.Waftpay)]
    public async Task A_provider_that_drops_our_query_string_still_ends_the_paid_checkout_succeeded(PaymentProvider provider)
    {
        await using var faults = await Fixture.Simulators.FaultsAsync(provider.ToSlug(), new FaultSettings { DropCallbackQuery = true });
        var opened = await OpenAsync(CheckoutBodies.For(provider));

        await ChooseAsync(await CustomerPageAsync(provider, opened), "pay");
        var final = await FinalStateAsync(opened.GetProperty("checkoutId").GetString()!);

        Assert.Equal("succeeded", final.GetProperty("status").GetString());
        Assert.Equal("webhook", final.GetProperty("timeline").EnumerateArray().Last().GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_chpter_callback_without_our_token_is_not_believed_and_the_checkout_ends_on_review_listing_it()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Chpter));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        await using (await Fixture.Simulators.FaultsAsync("chpter", new FaultSettings { DropCallbackQuery = true }))
        {
            await ChooseAsync(await CustomerPageAsync(PaymentProvider.Chpter, opened), "pay");
            await Fixture.Simulators.CallbacksDeliveredAsync("chpter", checkoutId: null, opened.GetProperty("providerReference").GetString()!);
        }

        Assert.Equal("pending", (await GetCheckoutAsync(checkoutId)).GetProperty("status").GetString());
        using (await Api.PostAsync(new Uri($"/checkouts/{checkoutId}/cancel", UriKind.Relative), null))
        {
        }

        var ended = await FinalStateAsync(checkoutId);
        var note = Assert.Single(ended.GetProperty("reviewNotes").EnumerateArray());
        Assert.Equal("cancelled", ended.GetProperty("status").GetString());
        Assert.Equal("no_lookup_to_confirm", note.GetProperty("reason").GetString());
        Assert.Contains("without this checkout's token arrived", note.GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_waftpay_status_query_that_knows_only_its_own_ids_still_confirms_the_payment()
    {
        (await Fixture.Simulators.Http.PutAsync(new Uri("/simulator/waftpay/query?knows=provider-ids", UriKind.Relative), null)).EnsureSuccessStatusCode();
        try
        {
            var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Waftpay));
            var checkoutId = opened.GetProperty("checkoutId").GetString()!;

            await ChooseAsync(await CustomerPageAsync(PaymentProvider.Waftpay, opened), "pay");
            var final = await FinalStateAsync(checkoutId);

            Assert.Equal("succeeded", final.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.String, final.GetProperty("providerPaymentId").ValueKind);
        }
        finally
        {
            (await Fixture.Simulators.Http.PutAsync(new Uri("/simulator/waftpay/query?knows=all", UriKind.Relative), null)).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task An_adullam_payment_is_confirmed_in_a_busy_account_whose_list_runs_oldest_first()
    {
        (await Fixture.Simulators.Http.PostAsync(new Uri("/simulator/adullam/seed?count=2000&before=true", UriKind.Relative), null)).EnsureSuccessStatusCode();
        (await Fixture.Simulators.Http.PutAsync(new Uri("/simulator/adullam/list-order?order=oldest", UriKind.Relative), null)).EnsureSuccessStatusCode();
        try
        {
            var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Adullam));

            await ChooseAsync(await CustomerPageAsync(PaymentProvider.Adullam, opened), "pay");
            var final = await FinalStateAsync(opened.GetProperty("checkoutId").GetString()!);

            Assert.Equal("succeeded", final.GetProperty("status").GetString());
        }
        finally
        {
            (await Fixture.Simulators.Http.PutAsync(new Uri("/simulator/adullam/list-order?order=newest", UriKind.Relative), null)).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task A_lakipay_callback_signed_as_its_webhook_guide_shows_is_believed_at_once()
    {
        (await Fixture.Simulators.Http.PutAsJsonAsync("/simulator/lakipay/signing", new { includeMedium = false, numbers = "literal" })).EnsureSuccessStatusCode();
        try
        {
            var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.LakiPay));

            await ChooseAsync(await CustomerPageAsync(PaymentProvider.LakiPay, opened), "pay");
            var final = await FinalStateAsync(opened.GetProperty("checkoutId").GetString()!);

            var success = final.GetProperty("timeline").EnumerateArray().Last();
            Assert.Equal(("succeeded", "webhook", JsonValueKind.Null), (success.GetProperty("status").GetString(), success.GetProperty("source").GetString(), success.GetProperty("detail").ValueKind));
        }
        finally
        {
            (await Fixture.Simulators.Http.PutAsJsonAsync("/simulator/lakipay/signing", new { includeMedium = true, numbers = "literal" })).EnsureSuccessStatusCode();
        }
    }
}
