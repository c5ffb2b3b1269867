using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Workflows.Rules;
using Xunit;
using static CheckoutOrchestrator.Tests.Rules.RuleBook;

namespace CheckoutOrchestrator.Tests.Rules;

/// <summary>A checkout's life has a bound the patch policy and key rotation can rest on, whatever a provider says.</summary>
public sealed class CheckoutLifeTests
{
    public static TheoryData<PaymentProvider> Providers() => [.. ProviderProfiles.All.Select(p => p.Provider)];

    [Fact]
    public void A_provider_that_keeps_its_session_for_three_days_moves_the_deadline_only_to_the_longest_a_merchant_may_ask()
    {
        var capped = OpenedUntil(Start.AddDays(3), LatestRules.Instance);
        var asIn10 = OpenedUntil(Start.AddDays(3), new Rules10());

        Assert.Equal(Start + CheckoutLife.LongestDeadline, capped.Deadline);
        Assert.Equal(Start.AddDays(3), asIn10.Deadline);
    }

    [Fact]
    public void A_provider_deadline_inside_the_bound_still_moves_the_deadline()
    {
        var checkout = OpenedUntil(Start.AddHours(2), LatestRules.Instance);

        Assert.Equal(Start.AddHours(2), checkout.Deadline);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_latest_deadline_with_its_grace_and_the_providers_watch_fits_in_the_longest_life(PaymentProvider provider)
    {
        var plan = ProviderProfiles.For(provider).PollPlan;

        Assert.True(plan.LateWindow <= CheckoutLife.LongestWatch, $"{provider}'s watch is {plan.LateWindow}");
        Assert.True(CheckoutLife.LongestDeadline + CheckoutDeadline.ProcessingGrace + plan.LateWindow <= CheckoutLife.Longest);
        Assert.Equal(TimeSpan.FromHours(49) + TimeSpan.FromMinutes(10), CheckoutLife.Longest);
    }

    private static Checkout OpenedUntil(DateTimeOffset providerExpiry, IRuleChanges rules)
    {
        var checkout = Checkout.Start(Terms(PaymentProvider.Waftpay, 1800, rules));
        checkout.Opened(new ProviderSession("ref-1", "sess_1", null, new Uri("https://pay.example.com/sess_1"), null, providerExpiry, Pending), Start);
        return checkout;
    }
}
