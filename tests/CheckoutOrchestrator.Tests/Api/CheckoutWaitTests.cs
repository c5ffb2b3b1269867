using System.Diagnostics;
using System.Net;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Tests.Infrastructure;
using Xunit;

namespace CheckoutOrchestrator.Tests.Api;

/// <summary>GET /checkouts/{id}?wait= answers as soon as the checkout is final, or with its state when the wait runs out.</summary>
public sealed class CheckoutWaitTests : ApiTestBase
{
    public CheckoutWaitTests(DevRunFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task A_waiting_read_answers_with_the_final_state_as_soon_as_the_customer_pays()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Waftpay));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        var clock = Stopwatch.StartNew();

        var waiting = Api.GetAsync(new Uri($"/checkouts/{checkoutId}?wait=25s", UriKind.Relative));
        await Task.Delay(500);
        await ChooseAsync(new Uri(opened.GetProperty("checkoutUrl").GetString()!), "pay");
        using var response = await waiting;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("succeeded", (await JsonOf(response)).GetProperty("status").GetString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(25), $"answered only after {clock.Elapsed}");
    }

    [Fact]
    public async Task A_wait_that_runs_out_answers_the_current_state()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Chpter));

        using var response = await Api.GetAsync(new Uri($"/checkouts/{opened.GetProperty("checkoutId").GetString()}?wait=1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pending", (await JsonOf(response)).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("1.5s")]
    public async Task A_wait_that_is_not_whole_seconds_is_a_400(string wait)
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Chpter));

        using var response = await Api.GetAsync(new Uri($"/checkouts/{opened.GetProperty("checkoutId").GetString()}?wait={wait}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await JsonOf(response)).GetProperty("errors").TryGetProperty("wait", out _));
    }
}
