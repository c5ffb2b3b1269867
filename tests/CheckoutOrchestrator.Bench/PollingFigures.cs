using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;

namespace CheckoutOrchestrator.Bench;

/// <summary>What a provider's poll plan costs and risks over a 30-minute checkout that no callback reaches.</summary>
public sealed record PollingFigures(string Provider, int LookupsIn30Minutes, double WorstDelayMinutes, int LateLookups)
{
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(30);

    public static PollingFigures For(PaymentProvider provider)
    {
        var profile = ProviderProfiles.For(provider);
        if (!profile.Capabilities.StatusLookup)
        {
            // Nothing to poll: a lost callback is only ever found on review (see the README).
            return new PollingFigures(provider.ToSlug(), 0, Expiry.TotalMinutes, 0);
        }

        var plan = profile.PollPlan;
        var checks = new List<TimeSpan>();
        var at = TimeSpan.Zero;
        for (var i = 0; ; i++)
        {
            at += plan.Intervals[Math.Min(i, plan.Intervals.Count - 1)];
            if (at >= Expiry)
            {
                break;
            }

            checks.Add(at);
        }

        checks.Add(Expiry);
        var gaps = checks.Zip(checks.Prepend(TimeSpan.Zero), (check, before) => check - before);
        return new PollingFigures(provider.ToSlug(), checks.Count, gaps.Max().TotalMinutes, plan.LateLookups.Count);
    }

    /// <summary>Adullam lookups an hour when <paramref name="open"/> checkouts are open at any moment, each living 30 minutes.</summary>
    public int LookupsPerHour(int open) => open * (int)(TimeSpan.FromHours(1) / Expiry) * LookupsIn30Minutes;
}
