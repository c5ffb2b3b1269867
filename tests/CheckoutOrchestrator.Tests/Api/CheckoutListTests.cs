using System.Net;
using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Tests.Infrastructure;
using Xunit;

namespace CheckoutOrchestrator.Tests.Api;

public sealed class CheckoutListTests : ApiTestBase
{
    public CheckoutListTests(DevRunFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task A_merchant_lists_its_checkouts_by_reference_provider_status_and_creation_time()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var paid = await OpenAsync(CheckoutBodies.For(PaymentProvider.LakiPay));
        var open = await OpenAsync(CheckoutBodies.For(PaymentProvider.Chpter));
        await ChooseAsync(new Uri(paid.GetProperty("checkoutUrl").GetString()!), "pay");
        await FinalStateAsync(paid.GetProperty("checkoutId").GetString()!);

        var byReference = await ListAsync($"reference={open.GetProperty("merchantReference").GetString()}");
        var succeededAtLakiPay = await ListAsync($"status=succeeded&provider=lakipay&createdAfter={Uri.EscapeDataString(since.ToString("O"))}");

        var only = Assert.Single(byReference);
        Assert.Equal((open.GetProperty("checkoutId").GetString(), "chpter", "pending"), (only.GetProperty("checkoutId").GetString(), only.GetProperty("provider").GetString(), only.GetProperty("status").GetString()));
        Assert.Contains(succeededAtLakiPay, c => c.GetProperty("checkoutId").GetString() == paid.GetProperty("checkoutId").GetString());
        Assert.All(succeededAtLakiPay, c => Assert.Equal(("succeeded", "lakipay"), (c.GetProperty("status").GetString(), c.GetProperty("provider").GetString())));
    }

    [Fact]
    public async Task Pages_follow_one_another_through_the_next_page_token_without_repeats()
    {
        for (var i = 0; i < 5; i++)
        {
            await OpenAsync(CheckoutBodies.For(PaymentProvider.Kiotapay));
        }

        var first = await JsonOf(await Api.GetAsync(new Uri("/checkouts?pageSize=2", UriKind.Relative)));
        var token = first.GetProperty("nextPageToken").GetString();
        var second = await JsonOf(await Api.GetAsync(new Uri($"/checkouts?pageSize=2&pageToken={token}", UriKind.Relative)));

        var ids = first.GetProperty("checkouts").EnumerateArray().Concat(second.GetProperty("checkouts").EnumerateArray())
            .Select(c => c.GetProperty("checkoutId").GetString()).ToList();
        Assert.Equal(2, first.GetProperty("checkouts").GetArrayLength());
        Assert.NotNull(token);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(4, ids.Count);
    }

    [Fact]
    public async Task Unusable_list_parameters_are_a_400_naming_each()
    {
        using var response = await Api.GetAsync(new Uri("/checkouts?status=paid&provider=paypal&createdAfter=yesterday&pageSize=1000&reference=x'%20OR%20'1&pageToken=***", UriKind.Relative));
        var errors = (await JsonOf(response)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["createdAfter", "pageSize", "pageToken", "provider", "reference", "status"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_page_token_this_api_did_not_hand_out_for_this_query_is_a_400_naming_it_not_a_500()
    {
        for (var i = 0; i < 3; i++)
        {
            await OpenAsync(CheckoutBodies.For(PaymentProvider.Chpter));
        }

        var first = await JsonOf(await Api.GetAsync(new Uri("/checkouts?pageSize=1", UriKind.Relative)));
        var issued = first.GetProperty("nextPageToken").GetString()!;
        using var next = await Api.GetAsync(new Uri($"/checkouts?pageSize=1&pageToken={issued}", UriKind.Relative));
        using var forged = await Api.GetAsync(new Uri("/checkouts?pageToken=bm90LWEtcmVhbC1wYWdlLXRva2VuLWF0LWFsbC0wMTIzNDU2Nzg", UriKind.Relative));
        using var otherQuery = await Api.GetAsync(new Uri($"/checkouts?pageSize=1&provider=chpter&pageToken={issued}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        foreach (var refused in new[] { forged, otherQuery })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(["pageToken"], (await JsonOf(refused)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        }
    }

    /// <summary>Visibility catches up with new checkouts shortly after they start; the list is read until it has.</summary>
    private async Task<IReadOnlyList<JsonElement>> ListAsync(string query)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var page = await JsonOf(await Api.GetAsync(new Uri($"/checkouts?{query}", UriKind.Relative)));
            var checkouts = page.GetProperty("checkouts").EnumerateArray().ToList();
            if (checkouts.Count > 0 || DateTime.UtcNow > deadline)
            {
                return checkouts;
            }

            await Task.Delay(100);
        }
    }
}
