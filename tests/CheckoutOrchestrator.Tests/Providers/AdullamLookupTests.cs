using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Tests.Infrastructure;
using Xunit;

namespace CheckoutOrchestrator.Tests.Providers;

/// <summary>
/// Adullam documents only an account-wide, offset-paged list of checkout sessions, in no stated
/// order. A busy account holds thousands; the lookup must find one session either way round and
/// spend few of the 100 requests a minute doing it.
/// </summary>
public sealed class AdullamLookupTests : ProviderTestBase
{
    public AdullamLookupTests(SimulatorFixture simulator)
        : base(simulator)
    {
    }

    [Theory]
    [InlineData("newest", false)]
    [InlineData("newest", true)]
    [InlineData("oldest", false)]
    [InlineData("oldest", true)]
    public async Task A_session_among_thousands_is_found_whichever_way_the_list_is_sorted_in_a_handful_of_requests(string order, bool othersBefore)
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        if (othersBefore)
        {
            await SeedAsync(3000, before: true);
        }

        var session = await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.Adullam));
        await Simulator.Control.ChooseAsync(Simulator.ProviderUrl($"adullam/phone/{session.SessionId}"), "pay", "mtnCI");
        if (!othersBefore)
        {
            await SeedAsync(3000, before: false);
        }

        (await Simulator.Http.PutAsync(new Uri($"/simulator/adullam/list-order?order={order}", UriKind.Relative), null)).EnsureSuccessStatusCode();
        try
        {
            var before = (await Simulator.Control.CountsAsync("adullam")).StatusLookups;
            var status = await Host.StatusAsync(checkoutId, PaymentProvider.Adullam, session);
            var requests = (await Simulator.Control.CountsAsync("adullam")).StatusLookups - before;

            Assert.Equal(PaymentStatus.Succeeded, status.Status);
            var pages = ((await Simulator.Control.CountsAsync("adullam")).Sessions / 50) + 1;
            Assert.InRange(requests, 1, (int)Math.Ceiling(Math.Log2(pages)) + 4);
        }
        finally
        {
            (await Simulator.Http.PutAsync(new Uri("/simulator/adullam/list-order?order=newest", UriKind.Relative), null)).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task A_session_the_list_does_not_hold_is_reported_missing_not_failed()
    {
        var session = await Host.CreateAsync(SampleCheckouts.NewCheckoutId(), SampleCheckouts.For(PaymentProvider.Adullam));
        await SeedAsync(500, before: false);

        var status = await Host.StatusAsync("co_test", PaymentProvider.Adullam, session with { SessionId = "cs_ci_not_there" });

        Assert.Equal((true, null), (status.SessionMissing, status.Status));
    }

    private async Task SeedAsync(int count, bool before) =>
        (await Simulator.Http.PostAsync(new Uri($"/simulator/adullam/seed?count={count}&before={before}", UriKind.Relative), null)).EnsureSuccessStatusCode();
}
