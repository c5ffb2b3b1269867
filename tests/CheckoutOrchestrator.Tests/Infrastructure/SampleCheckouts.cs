using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.DevHost;
using CheckoutOrchestrator.Providers;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Tests.Infrastructure;

/// <summary>Checkout requests built from each provider's documented example request.</summary>
public static class SampleCheckouts
{
    public static readonly RedirectUrls Redirects = new(new Uri("https://shop.example.com/success"), new Uri("https://shop.example.com/failed"));

    /// <summary>The keys the dev run's API makes ids with, so a test can name the id the API gives a reference.</summary>
    public static CheckoutKeys Keys { get; } = new(Options.Create(new CheckoutIdOptions { Keys = [DevRun.DevCheckoutIdKey] }));

    public static string NewCheckoutId() => Keys.IdFor("merchant-test", Guid.NewGuid().ToString());

    /// <summary>A well-formed id no checkout has.</summary>
    public static string UnknownCheckoutId() => CheckoutIds.Prefix + Guid.NewGuid().ToString("N");

    public static string ReferenceFor(PaymentProvider provider, string checkoutId) => ProviderProfiles.For(provider).ReferenceFor(checkoutId, Keys);

    public static CheckoutRequest For(PaymentProvider provider) => provider switch
    {
        // Kiotapay: "Payment for order #12345", KES, CARD and MPESA_STK.
        PaymentProvider.Kiotapay => Request(provider, 1500m, "KES", new Customer("Jane Wanjiru", "+254712345678", "jane@example.com"), "Payment for order #12345"),
        // LakiPay's curl example: 1000.5 ETB, 251911111111, MPESA/TELEBIRR/CBE.
        PaymentProvider.LakiPay => Request(provider, 1000.50m, "ETB", new Customer(null, "+251911111111", null), "Payment for order #123")
            with { AllowedMethods = [PaymentMethod.MPesa, PaymentMethod.Telebirr, PaymentMethod.Cbe] },
        // Waftpay's example: Amina Kariuki, 1750 KES, msisdn 254711223344.
        PaymentProvider.Waftpay => Request(provider, 1750m, "KES", new Customer("Amina Kariuki", "+254711223344", "amina.kariuki@example.com"), "INV20478519"),
        // Chpter's example: John Doe, 254700123123, johndoe@mail.com, total "100".
        PaymentProvider.Chpter => Request(provider, 100m, "KES", new Customer("John Doe", "+254700123123", "johndoe@mail.com"), "Order 123"),
        // Adullam's example is 5000 XOF; its +22507987654 has 8 digits (pre-2021 numbering), so a 10-digit number is used.
        PaymentProvider.Adullam => Request(provider, 5000m, "XOF", new Customer(null, "+2250798765432", null), "Commande 123") with { Redirects = null },
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    private static CheckoutRequest Request(PaymentProvider provider, decimal amount, string currency, Customer customer, string description) =>
        new("merchant-test", $"ORDER-{Guid.NewGuid():N}"[..20], provider, new Money(amount, currency), description, customer, Redirects, [], 1800);
}
