using CheckoutOrchestrator.Api.Checkouts;
using CheckoutOrchestrator.Checkouts;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace CheckoutOrchestrator.Tests.Api;

/// <summary>One merchant may open a third of a budgeted provider's creates: its burst leaves the rest to everyone else.</summary>
public sealed class MerchantCreateShareTests
{
    [Fact]
    public void At_adullams_default_budget_a_merchant_opens_three_a_minute_and_the_fourth_is_told_when_to_retry()
    {
        using var shares = new MerchantCreateShares(new ConfigurationBuilder().Build());

        var answers = Enumerable.Range(0, 4).Select(_ => shares.Take("shop", PaymentProvider.Adullam)).ToList();

        Assert.All(answers.Take(3), Assert.Null);
        Assert.InRange(answers[3]!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
        Assert.Null(shares.Take("other-shop", PaymentProvider.Adullam));
    }

    [Fact]
    public void The_share_follows_the_budget_the_workers_are_configured_with()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Worker:ProviderCallsPerSecond:adullam"] = "1" })
            .Build();
        using var shares = new MerchantCreateShares(configuration);

        // 1 call/s: 36 creates a minute in the creates' lane, 12 for one merchant.
        var allowed = Enumerable.Range(0, 20).Count(_ => shares.Take("shop", PaymentProvider.Adullam) is null);

        Assert.Equal(12, allowed);
    }

    [Theory]
    [InlineData(PaymentProvider.Kiotapay)]
    [InlineData(PaymentProvider.Chpter)]
    public void A_provider_without_a_budget_leaves_creates_to_the_merchants_request_limit(PaymentProvider provider)
    {
        using var shares = new MerchantCreateShares(new ConfigurationBuilder().Build());

        Assert.All(Enumerable.Range(0, 100).Select(_ => shares.Take("shop", provider)), Assert.Null);
    }
}
