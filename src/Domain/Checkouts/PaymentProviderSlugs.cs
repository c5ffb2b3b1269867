namespace CheckoutOrchestrator.Checkouts;

/// <summary>Providers as they appear in URLs (<c>/webhooks/lakipay</c>).</summary>
public static class PaymentProviderSlugs
{
    public static string ToSlug(this PaymentProvider provider) => provider switch
    {
        PaymentProvider.Kiotapay => "kiotapay",
        PaymentProvider.LakiPay => "lakipay",
        PaymentProvider.Waftpay => "waftpay",
        PaymentProvider.Chpter => "chpter",
        PaymentProvider.Adullam => "adullam",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    public static bool TryParse(string? slug, out PaymentProvider provider)
    {
        foreach (var candidate in Enum.GetValues<PaymentProvider>())
        {
            if (string.Equals(candidate.ToSlug(), slug, StringComparison.OrdinalIgnoreCase))
            {
                provider = candidate;
                return true;
            }
        }

        provider = default;
        return false;
    }
}
