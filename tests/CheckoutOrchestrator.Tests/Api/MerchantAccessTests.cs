using System.Net;
using System.Text;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.DevHost;
using CheckoutOrchestrator.Tests.Infrastructure;
using Xunit;

namespace CheckoutOrchestrator.Tests.Api;

/// <summary>Every checkout call needs a merchant's API key, and a merchant sees only its own checkouts.</summary>
public sealed class MerchantAccessTests : ApiTestBase
{
    public MerchantAccessTests(DevRunFixture fixture)
        : base(fixture)
    {
    }

    [Theory]
    [InlineData(null)]
    [InlineData("cok_forged_key_that_nobody_holds")]
    public async Task Without_a_valid_key_every_checkout_call_is_a_401_problem_and_nothing_is_opened(string? key)
    {
        using var caller = Fixture.ApiAs(key);
        var sessionsBefore = await SessionsAsync("lakipay");

        using var create = await caller.PostAsync(new Uri("/checkouts", UriKind.Relative), Json(CheckoutBodies.For(PaymentProvider.LakiPay).ToJsonString()));
        using var list = await caller.GetAsync(new Uri("/checkouts", UriKind.Relative));
        using var read = await caller.GetAsync(new Uri($"/checkouts/{SampleCheckouts.Keys.IdFor(DevMerchant.Shop.Id, "x")}", UriKind.Relative));

        Assert.All([create, list, read], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal("application/problem+json", create.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Bearer", create.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(sessionsBefore, await SessionsAsync("lakipay"));
    }

    [Fact]
    public async Task Another_merchants_checkout_is_not_found_for_reading_waiting_or_cancelling_and_is_not_listed()
    {
        var mine = await OpenAsync(CheckoutBodies.For(PaymentProvider.Kiotapay));
        var checkoutId = mine.GetProperty("checkoutId").GetString()!;
        using var other = Fixture.ApiAs(DevRunFixture.OtherShop.ApiKey);

        using var read = await other.GetAsync(new Uri($"/checkouts/{checkoutId}", UriKind.Relative));
        using var wait = await other.GetAsync(new Uri($"/checkouts/{checkoutId}?wait=1", UriKind.Relative));
        using var cancel = await other.PostAsync(new Uri($"/checkouts/{checkoutId}/cancel", UriKind.Relative), null);
        var listed = await JsonOf(await other.GetAsync(new Uri($"/checkouts?reference={mine.GetProperty("merchantReference").GetString()}", UriKind.Relative)));

        Assert.All([read, wait, cancel], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Empty(listed.GetProperty("checkouts").EnumerateArray());
        Assert.Equal("pending", (await GetCheckoutAsync(checkoutId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_merchant_is_the_keys_and_a_body_naming_another_is_a_403()
    {
        var body = CheckoutBodies.For(PaymentProvider.Chpter);
        body["merchantId"] = DevRunFixture.OtherShop.Id;

        using var refused = await PostCheckoutAsync(body);
        body["merchantId"] = DevMerchant.Shop.Id;
        var accepted = await OpenAsync(body);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.EndsWith("/merchant-mismatch", (await JsonOf(refused)).GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Equal(DevMerchant.Shop.Id, accepted.GetProperty("merchantId").GetString());
    }

    [Fact]
    public async Task The_same_reference_at_two_merchants_is_two_checkouts()
    {
        var reference = $"order-{Guid.NewGuid():N}";
        var mine = await OpenAsync(CheckoutBodies.For(PaymentProvider.Waftpay, reference));
        using var other = Fixture.ApiAs(DevRunFixture.OtherShop.ApiKey);
        using var theirs = await other.PostAsync(new Uri("/checkouts", UriKind.Relative), Json(CheckoutBodies.For(PaymentProvider.Waftpay, reference).ToJsonString()));

        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        Assert.NotEqual(mine.GetProperty("checkoutId").GetString(), (await JsonOf(theirs)).GetProperty("checkoutId").GetString());
    }

    [Fact]
    public async Task Every_authenticated_request_counts_against_the_budget_and_retry_after_says_when_it_refills()
    {
        using var limited = Fixture.ApiAs(DevRunFixture.LimitedShop.ApiKey);
        var unknown = SampleCheckouts.Keys.IdFor(DevRunFixture.LimitedShop.Id, "never-opened");
        var answers = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        foreach (var path in new[] { "/checkouts", $"/checkouts/{unknown}", "/checkouts/not-an-id", "/checkouts" })
        {
            last?.Dispose();
            last = await limited.GetAsync(new Uri(path, UriKind.Relative));
            answers.Add(last.StatusCode);
        }

        using var unaffected = await Api.GetAsync(new Uri("/checkouts", UriKind.Relative));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], answers);
        Assert.InRange(last!.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, unaffected.StatusCode);
        last.Dispose();
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
