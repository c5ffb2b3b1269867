using System.Collections.Frozen;
using System.Reflection;
using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Providers;

/// <summary>The profile of every provider, as its <see cref="PaymentProvider"/> member names it.</summary>
public static class ProviderProfiles
{
    private static readonly FrozenDictionary<PaymentProvider, ProviderProfile> Profiles = PaymentProviderSlugs.All
        .ToFrozenDictionary(p => p, Create);

    public static IEnumerable<ProviderProfile> All => PaymentProviderSlugs.All.Select(For);

    public static ProviderProfile For(PaymentProvider provider) => Profiles[provider];

    private static ProviderProfile Create(PaymentProvider provider)
    {
        var module = typeof(PaymentProvider).GetField(provider.ToString())!.GetCustomAttribute<ProviderModuleAttribute>()
            ?? throw new InvalidOperationException($"{provider} names no profile: add [ProviderModule(typeof(...Profile))] to it.");
        var profile = (ProviderProfile)Activator.CreateInstance(module.Profile)!;
        return profile.Provider == provider
            ? profile
            : throw new InvalidOperationException($"{module.Profile.Name} is the profile of {profile.Provider}, not of {provider}.");
    }
}
