using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Tests.Infrastructure;
using Xunit;

namespace CheckoutOrchestrator.Tests.Providers;

/// <summary>
/// Where a provider's page (or Adullam's phone prompt) allows another attempt after a failed one, can
/// its lookup miss a later, paid one? Asked of every such provider with a lookup, against its simulator.
/// (Chpter has no lookup; its rules test shows a success callback after a failed attempt wins.)
/// </summary>
public sealed class PaidRetryLookupTests : ProviderTestBase
{
    public PaidRetryLookupTests(SimulatorFixture simulator)
        : base(simulator)
    {
    }

    public static TheoryData<PaymentProvider> PagesThatStayOpen =>
        [.. ProviderProfiles.All.Where(p => p.Capabilities is { StatusLookup: true, SessionClosesOnFailure: false }).Select(p => p.Provider)];

    [Theory]
    [MemberData(nameof(PagesThatStayOpen))]
    public async Task A_lookup_after_a_failed_attempt_and_a_paid_one_says_paid(PaymentProvider provider)
    {
        var slug = provider.ToSlug();
        var session = await Host.CreateAsync(SampleCheckouts.NewCheckoutId(), SampleCheckouts.For(provider));
        (await Simulator.Http.PutAsync(new Uri($"/simulator/{slug}/page?retryAfterFailure=true", UriKind.Relative), null)).EnsureSuccessStatusCode();
        try
        {
            var page = session.CheckoutUrl ?? Simulator.ProviderUrl($"adullam/phone/{session.SessionId}");
            await Simulator.Control.ChooseAsync(page, "fail");
            await Simulator.Control.ChooseAsync(page, "pay");

            var answer = await Host.StatusAsync(session.Reference, provider, session);

            Assert.Equal(PaymentStatus.Succeeded, answer.Status);
        }
        finally
        {
            (await Simulator.Http.PutAsync(new Uri($"/simulator/{slug}/page?retryAfterFailure=false", UriKind.Relative), null)).EnsureSuccessStatusCode();
        }
    }
}
