using System.Net;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.DevHost;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Tests.Infrastructure;
using CheckoutOrchestrator.Workflows;
using Temporalio.Client;
using Temporalio.Common;
using Xunit;

namespace CheckoutOrchestrator.Tests.Api;

/// <summary>
/// A merchant's read costs no Temporal action: the API replays the checkout's history itself. A
/// Temporal query (billed as an action) would need a worker to answer it; these checkouts have none.
/// </summary>
public sealed class CheckoutReadCostTests : ApiTestBase
{
    public CheckoutReadCostTests(DevRunFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task A_running_checkout_whose_worker_is_gone_is_still_read_and_long_polled()
    {
        var checkoutId = await StartWithoutAWorkerAsync();

        using var read = await Api.GetAsync(new Uri($"/checkouts/{checkoutId}", UriKind.Relative));
        using var waited = await Api.GetAsync(new Uri($"/checkouts/{checkoutId}?wait=1s", UriKind.Relative));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (read.StatusCode, waited.StatusCode));
        Assert.Equal("pending", (await JsonOf(read)).GetProperty("status").GetString());
    }

    /// <summary>A checkout of the development merchant started as the API starts one, on a task queue no worker polls.</summary>
    private async Task<string> StartWithoutAWorkerAsync()
    {
        var request = SampleCheckouts.For(PaymentProvider.Kiotapay) with { MerchantId = DevMerchant.Shop.Id, MerchantReference = $"no-worker-{Guid.NewGuid():N}" };
        var checkoutId = SampleCheckouts.Keys.IdFor(request.MerchantId, request.MerchantReference);
        var profile = ProviderProfiles.For(PaymentProvider.Kiotapay);
        var input = new CheckoutWorkflowInput(checkoutId, request, "fingerprint", checkoutId, profile.Capabilities, profile.PollPlan, EventIdsNameCheckout: true);
        await Fixture.Temporal.StartWorkflowAsync(
            (CheckoutWorkflow wf) => wf.RunAsync(input),
            new(checkoutId, $"no-worker-{Guid.NewGuid():N}")
            {
                TypedSearchAttributes = new SearchAttributeCollection.Builder()
                    .Set(CheckoutSearchAttributes.MerchantId, request.MerchantId)
                    .Set(CheckoutSearchAttributes.Status, nameof(PaymentStatus.Pending))
                    .ToSearchAttributeCollection(),
            });
        return checkoutId;
    }
}
