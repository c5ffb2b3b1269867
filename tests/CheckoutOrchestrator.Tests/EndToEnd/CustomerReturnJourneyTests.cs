using System.Net;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Simulators.Infrastructure;
using CheckoutOrchestrator.Tests.Api;
using CheckoutOrchestrator.Tests.Infrastructure;
using Xunit;

namespace CheckoutOrchestrator.Tests.EndToEnd;

/// <summary>The customer comes back through the orchestrator, which sends them on only once it knows the truth.</summary>
[Collection(DevRunGroup.Name)]
public sealed class CustomerReturnJourneyTests : ApiTestBase
{
    public CustomerReturnJourneyTests(DevRunFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task A_customer_back_before_any_callback_waits_and_lands_on_the_merchants_success_page_with_the_checkout_id()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Kiotapay));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;

        Uri landing;
        await using (await Fixture.Simulators.FaultsAsync("kiotapay", new FaultSettings { DropCallbacks = true }))
        {
            using var paid = await Fixture.Simulators.ChooseAsync(new Uri(opened.GetProperty("checkoutUrl").GetString()!), "pay");
            var back = paid.Headers.Location!;
            Assert.Equal((Fixture.Run.ApiUrl.Authority, $"/return/{checkoutId}"), (back.Authority, back.AbsolutePath));
            landing = await FollowAsync(back);
        }

        Assert.Equal(SampleCheckouts.Redirects.Success.AbsoluteUri, landing.GetLeftPart(UriPartial.Path));
        Assert.Equal($"?checkout_id={checkoutId}&status=succeeded", landing.Query);
        Assert.Equal("succeeded", (await GetCheckoutAsync(checkoutId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_customer_back_from_a_failed_attempt_on_a_page_that_stays_open_is_told_it_is_still_processing()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.LakiPay));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;

        using var failed = await Fixture.Simulators.ChooseAsync(new Uri(opened.GetProperty("checkoutUrl").GetString()!), "fail");
        var landing = await FollowAsync(failed.Headers.Location!);

        Assert.Equal($"?checkout_id={checkoutId}&status=processing", landing.Query);
    }

    [Fact]
    public async Task A_return_url_with_a_wrong_token_sends_nobody_anywhere()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Kiotapay));

        using var forged = await Fixture.Simulators.Http.GetAsync(new Uri(Fixture.Run.ApiUrl, $"/return/{opened.GetProperty("checkoutId").GetString()}?outcome=success&token=forged"));

        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }

    private async Task<Uri> FollowAsync(Uri back)
    {
        using var response = await Fixture.Simulators.Http.GetAsync(back);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return response.Headers.Location!;
    }
}
