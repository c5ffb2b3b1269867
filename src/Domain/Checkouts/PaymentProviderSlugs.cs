using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;

namespace CheckoutOrchestrator.Checkouts;

/// <summary>Providers as they appear in URLs and JSON (<c>/webhooks/lakipay</c>): the name each member declares.</summary>
public static class PaymentProviderSlugs
{
    private static readonly FrozenDictionary<PaymentProvider, string> Slugs = Enum.GetValues<PaymentProvider>()
        .ToFrozenDictionary(p => p, p => typeof(PaymentProvider).GetField(p.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()!.Name);

    public static IReadOnlyList<PaymentProvider> All { get; } = Enum.GetValues<PaymentProvider>();

    public static string ToSlug(this PaymentProvider provider) =>
        Slugs.TryGetValue(provider, out var slug) ? slug : throw new ArgumentOutOfRangeException(nameof(provider), provider, null);

    public static bool TryParse(string? slug, out PaymentProvider provider)
    {
        foreach (var (candidate, name) in Slugs)
        {
            if (string.Equals(name, slug, StringComparison.OrdinalIgnoreCase))
            {
                provider = candidate;
                return true;
            }
        }

        provider = default;
        return false;
    }
}
