using System.Collections.Frozen;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers.Adullam;
using CheckoutOrchestrator.Providers.Chpter;
using CheckoutOrchestrator.Providers.Kiotapay;
using CheckoutOrchestrator.Providers.LakiPay;
using CheckoutOrchestrator.Providers.Waftpay;

namespace CheckoutOrchestrator.Providers;

/// <summary>The profile of every provider, immutable.</summary>
public static class ProviderProfiles
{
    private static readonly FrozenDictionary<PaymentProvider, ProviderProfile> Profiles =
        new ProviderProfile[] { new KiotapayProfile(), new LakiPayProfile(), new WaftpayProfile(), new ChpterProfile(), new AdullamProfile() }
            .ToFrozenDictionary(p => p.Provider);

    public static IEnumerable<ProviderProfile> All => Profiles.Values;

    public static ProviderProfile For(PaymentProvider provider) => Profiles[provider];
}
