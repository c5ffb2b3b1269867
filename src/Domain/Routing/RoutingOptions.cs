using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Routing;

/// <summary>
/// Section "Routing": for a checkout that names no provider, the order in which providers are tried
/// per currency (<c>Routing:Order:KES:0 = waftpay</c>, ...). A currency without an order tries every
/// provider in the product's order (Kiotapay, LakiPay, Waftpay, Chpter, Adullam).
/// </summary>
public sealed class RoutingOptions
{
    public const string Section = "Routing";

    public Dictionary<string, List<string>> Order { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<PaymentProvider> OrderFor(string currency) =>
        Order.TryGetValue(currency, out var slugs)
            ? [.. slugs.Select(slug => PaymentProviderSlugs.TryParse(slug, out var provider) ? provider : (PaymentProvider?)null).OfType<PaymentProvider>()]
            : PaymentProviderSlugs.All;
}
