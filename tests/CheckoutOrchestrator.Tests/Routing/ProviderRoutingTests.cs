using System.Diagnostics.Metrics;
using CheckoutOrchestrator.Activities;
using CheckoutOrchestrator.Activities.Routing;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Routing;
using CheckoutOrchestrator.Tests.Infrastructure;
using CheckoutOrchestrator.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CheckoutOrchestrator.Tests.Routing;

/// <summary>Which providers take a checkout that names none, when failing over is safe, and who is up.</summary>
public sealed class ProviderRoutingTests
{
    private static readonly ProviderRouter Router = new(new RoutingOptions());

    [Fact]
    public void A_kes_mpesa_checkout_is_taken_by_every_kenyan_provider_whose_page_offers_only_accepted_methods()
    {
        var request = Kes(PaymentMethod.MPesa);

        var plan = Router.Plan(request, allowed: null);

        Assert.Equal([PaymentProvider.Kiotapay, PaymentProvider.Waftpay], plan.Providers);
        Assert.Contains(plan.Refusals, r => r.Message.StartsWith("chpter:", StringComparison.Ordinal));
        Assert.Contains(plan.Refusals, r => r.Message.StartsWith("lakipay:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_merchants_order_wins_over_the_configured_one_and_other_currencies_find_their_own_provider()
    {
        var kes = Router.Plan(Kes(PaymentMethod.MPesa, PaymentMethod.Card), [PaymentProvider.Chpter, PaymentProvider.Kiotapay]);
        var configured = new ProviderRouter(new RoutingOptions { Order = { ["KES"] = ["waftpay", "kiotapay"] } }).Plan(Kes(PaymentMethod.MPesa), null);
        var etb = Router.Plan(SampleCheckouts.For(PaymentProvider.LakiPay) with { Alternatives = [] }, null);
        var xof = Router.Plan(SampleCheckouts.For(PaymentProvider.Adullam) with { Alternatives = [] }, null);

        Assert.Equal([PaymentProvider.Chpter, PaymentProvider.Kiotapay], kes.Providers);
        Assert.Equal([PaymentProvider.Waftpay, PaymentProvider.Kiotapay], configured.Providers);
        Assert.Equal([PaymentProvider.LakiPay], etb.Providers);
        Assert.Equal([PaymentProvider.Adullam], xof.Providers);
    }

    [Fact]
    public void The_default_order_is_the_profiles_own_ranks_each_provider_once_whatever_the_enums_order()
    {
        Assert.Equal(ProviderProfiles.All.Count(), ProviderProfiles.All.Select(p => p.RoutingRank).Distinct().Count());
        Assert.Equal(
            [PaymentProvider.Kiotapay, PaymentProvider.LakiPay, PaymentProvider.Waftpay, PaymentProvider.Chpter, PaymentProvider.Adullam],
            RoutingOptions.DefaultOrder);
        Assert.Equal(RoutingOptions.DefaultOrder, new RoutingOptions().OrderFor("XYZ"));
    }

    [Fact]
    public void A_named_provider_is_asked_exactly_as_the_merchant_asked()
    {
        var named = SampleCheckouts.For(PaymentProvider.Waftpay) with { AllowedMethods = [PaymentMethod.MPesa] };

        Assert.Equal([PaymentMethod.MPesa], ProviderRouter.RequestFor(named, PaymentProvider.Waftpay).AllowedMethods);
        Assert.Empty(ProviderRouter.RequestFor(named with { Alternatives = [] }, PaymentProvider.Waftpay).AllowedMethods);
    }

    [Theory]
    [InlineData(ProviderErrorTypes.Rejected, CreateRetrySafety.None, true)]
    [InlineData(ProviderErrorTypes.InvalidCheckoutRequest, CreateRetrySafety.None, true)]
    [InlineData(ProviderErrorTypes.Unreachable, CreateRetrySafety.None, true)]
    [InlineData(ProviderErrorTypes.Unavailable, CreateRetrySafety.HostedPageOnly, true)]
    [InlineData(ProviderErrorTypes.Timeout, CreateRetrySafety.UniqueReference, true)]
    [InlineData(ProviderErrorTypes.Unavailable, CreateRetrySafety.None, false)]
    [InlineData(ProviderErrorTypes.Timeout, CreateRetrySafety.None, false)]
    [InlineData(ProviderErrorTypes.CreateOutcomeUnknown, CreateRetrySafety.HostedPageOnly, false)]
    [InlineData(ProviderErrorTypes.InvalidResponse, CreateRetrySafety.HostedPageOnly, false)]
    public void A_create_fails_over_only_when_its_failure_proves_no_payable_session_exists(string errorType, CreateRetrySafety safety, bool failsOver) =>
        Assert.Equal(failsOver, CheckoutActivities.ProvesNoSession(errorType, safety));

    [Fact]
    public void A_provider_that_mostly_fails_to_answer_is_down_until_its_cool_down_and_an_answer_brings_it_back()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-03T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var health = new ProviderHealth(time, services.GetRequiredService<IMeterFactory>());

        for (var i = 0; i < ProviderHealth.MinimumCalls - 1; i++)
        {
            health.Record(PaymentProvider.Kiotapay, answered: false);
        }

        var upBeforeEnough = health.IsUp(PaymentProvider.Kiotapay);
        health.Record(PaymentProvider.Kiotapay, answered: false);
        var down = !health.IsUp(PaymentProvider.Kiotapay);
        time.Advance(ProviderHealth.CoolDown);
        var triedAgain = health.IsUp(PaymentProvider.Kiotapay);
        health.Record(PaymentProvider.Kiotapay, answered: false);
        var downAgain = !health.IsUp(PaymentProvider.Kiotapay);
        health.Record(PaymentProvider.Kiotapay, answered: true);

        Assert.Equal((true, true, true, true), (upBeforeEnough, down, triedAgain, downAgain));
        Assert.True(health.IsUp(PaymentProvider.Kiotapay));
        Assert.True(health.IsUp(PaymentProvider.Waftpay));
    }

    [Fact]
    public async Task The_workers_readiness_detail_names_a_provider_that_is_down_without_taking_the_worker_out()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-03T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var health = new ProviderHealth(time, services.GetRequiredService<IMeterFactory>());
        health.Record(PaymentProvider.Waftpay, answered: true);
        var allUp = await new ProviderHealthCheck(health).CheckHealthAsync(new HealthCheckContext());
        for (var i = 0; i < ProviderHealth.MinimumCalls; i++)
        {
            health.Record(PaymentProvider.Kiotapay, answered: false);
        }

        var oneDown = await new ProviderHealthCheck(health).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, allUp.Status);
        Assert.Equal(HealthStatus.Degraded, oneDown.Status);
        Assert.Contains("kiotapay", oneDown.Description, StringComparison.Ordinal);
        Assert.Equal(("up", "down (skipped by routing)"), (oneDown.Data["waftpay"], oneDown.Data["kiotapay"]));
    }

    private static CheckoutRequest Kes(params PaymentMethod[] accepted) =>
        SampleCheckouts.For(PaymentProvider.Kiotapay) with { AllowedMethods = accepted, Alternatives = [] };
}
