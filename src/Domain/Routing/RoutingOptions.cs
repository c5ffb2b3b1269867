using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;

namespace CheckoutOrchestrator.Routing;

/// <summary>
/// Section "Routing": for a checkout that names no provider, the order in which providers are tried
/// per currency (<c>Routing:Order:KES:0 = waftpay</c>, ...). A currency without an order tries every
/// provider in <see cref="DefaultOrder"/>.
/// </summary>
public sealed class RoutingOptions
{
    public const string Section = "Routing";

    /// <summary>
    /// The product's order, by each profile's own <see cref="ProviderProfile.RoutingRank"/>: the enum's member
    /// order says nothing, so a provider added anywhere in it is placed on purpose and no other route moves.
    /// </summary>
    public static IReadOnlyList<PaymentProvider> DefaultOrder { get; } = [.. ProviderProfiles.All.OrderBy(p => p.RoutingRank).Select(p => p.Provider)];

    public Dictionary<string, List<string>> Order { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<PaymentProvider> OrderFor(string currency) =>
        Order.TryGetValue(currency, out var slugs)
            ? [.. slugs.Select(slug => PaymentProviderSlugs.TryParse(slug, out var provider) ? provider : (PaymentProvider?)null).OfType<PaymentProvider>()]
            : DefaultOrder;
}
