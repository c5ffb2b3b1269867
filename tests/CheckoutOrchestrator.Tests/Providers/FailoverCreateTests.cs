using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Routing;
using CheckoutOrchestrator.Simulators.Infrastructure;
using CheckoutOrchestrator.Tests.Infrastructure;
using CheckoutOrchestrator.Workflows.Contracts;
using Temporalio.Testing;
using Xunit;

namespace CheckoutOrchestrator.Tests.Providers;

/// <summary>The create activity of a checkout that named no provider, against the real adapters and simulators.</summary>
public sealed class FailoverCreateTests : ProviderTestBase
{
    public FailoverCreateTests(SimulatorFixture simulator)
        : base(simulator)
    {
    }

    [Fact]
    public async Task A_provider_answering_503_is_passed_over_then_skipped_without_a_request_once_it_has_failed_enough()
    {
        var sessions = new List<ProviderSession>();
        await using (await Simulator.Control.FaultsAsync("kiotapay", new FaultSettings { FailNext = 1000, FailStatus = 503, PathContains = "checkout" }))
        {
            for (var i = 0; i < Activities.Routing.ProviderHealth.MinimumCalls + 1; i++)
            {
                sessions.Add(await CreateRoutedAsync());
            }
        }

        var creates = await Simulator.Control.CountsAsync("kiotapay");
        Assert.All(sessions, s => Assert.Equal(PaymentProvider.Waftpay, s.Provider));
        Assert.StartsWith("kiotapay: Kiotapay CreateSession failed (ProviderUnavailable HTTP 503)", sessions[0].PassedOver![0], StringComparison.Ordinal);
        Assert.StartsWith("kiotapay: skipped", sessions[^1].PassedOver![0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fail_every_create_switch_fails_creates_and_leaves_lookups_answering()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var session = await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.Kiotapay));
        using (await Simulator.Http.PostAsync(new Uri("/simulator/kiotapay/faults/fail-creates", UriKind.Relative), null))
        {
        }

        try
        {
            var refused = await Assert.ThrowsAsync<Temporalio.Exceptions.ApplicationFailureException>(() => Host.CreateAsync(SampleCheckouts.NewCheckoutId(), SampleCheckouts.For(PaymentProvider.Kiotapay)));
            var status = await Host.StatusAsync(checkoutId, PaymentProvider.Kiotapay, session);

            Assert.Equal(ProviderErrorTypes.Unavailable, refused.ErrorType);
            Assert.Equal(PaymentStatus.Pending, status.Status);
        }
        finally
        {
            await Simulator.Control.ClearFaultsAsync("kiotapay");
        }
    }

    [Fact]
    public async Task Lookups_that_get_no_answer_never_move_routing_since_an_outsider_can_buy_them()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var session = await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.Kiotapay));
        await using (await Simulator.Control.FaultsAsync("kiotapay", new FaultSettings { FailNext = 1000, FailStatus = 503, Method = "GET" }))
        {
            for (var i = 0; i < Activities.Routing.ProviderHealth.MinimumCalls * 2; i++)
            {
                await Assert.ThrowsAsync<Temporalio.Exceptions.ApplicationFailureException>(() => Host.StatusAsync(checkoutId, PaymentProvider.Kiotapay, session));
            }

            var routed = await CreateRoutedAsync();

            Assert.Null(routed.Provider);
        }
    }

    [Fact]
    public async Task A_429_at_the_first_choice_is_backed_off_there_never_failed_over_nor_counted_as_down()
    {
        await using (await Simulator.Control.FaultsAsync("kiotapay", new FaultSettings { FailNext = Activities.Routing.ProviderHealth.MinimumCalls, FailStatus = 429, RetryAfterSeconds = 1, Method = "POST" }))
        {
            for (var i = 0; i < Activities.Routing.ProviderHealth.MinimumCalls; i++)
            {
                var throttled = await Assert.ThrowsAsync<Temporalio.Exceptions.ApplicationFailureException>(CreateRoutedAsync);
                Assert.Equal((ProviderErrorTypes.RateLimited, false), (throttled.ErrorType, throttled.NonRetryable));
            }
        }

        Assert.Null((await CreateRoutedAsync()).Provider);
    }

    private Task<ProviderSession> CreateRoutedAsync()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var request = SampleCheckouts.For(PaymentProvider.Kiotapay) with { AllowedMethods = [PaymentMethod.MPesa], Alternatives = [PaymentProvider.Waftpay] };
        var waftpay = ProviderProfiles.For(PaymentProvider.Waftpay);
        var input = new CreateSessionInput(checkoutId, request, checkoutId, [new ProviderRoute(PaymentProvider.Waftpay, checkoutId, waftpay.Capabilities, waftpay.PollPlan)]);
        return new ActivityEnvironment().RunAsync(() => Host.Activities.CreateSessionAsync(input));
    }
}
