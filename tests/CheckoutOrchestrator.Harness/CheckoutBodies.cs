using System.Text.Json;
using System.Text.Json.Nodes;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Client;

namespace CheckoutOrchestrator.Harness;

/// <summary>POST /checkouts bodies per provider, from the providers' documented examples.</summary>
public static class CheckoutBodies
{
    /// <summary>The same body as the merchant client library sends it.</summary>
    public static CreateCheckoutRequest Request(PaymentProvider provider, string reference, int expiresInSeconds) =>
        For(provider, reference, expiresInSeconds).Deserialize<CreateCheckoutRequest>(CheckoutClient.Json)!;

    public static JsonObject For(PaymentProvider provider, string reference, int expiresInSeconds)
    {
        var (amount, currency, phone, name, email) = provider switch
        {
            PaymentProvider.Kiotapay => ("1500", "KES", "+254712345678", "Jane Wanjiru", "jane@example.com"),
            PaymentProvider.LakiPay => ("1000.50", "ETB", "+251911111111", null, null),
            PaymentProvider.Waftpay => ("1750", "KES", "+254711223344", "Amina Kariuki", "amina.kariuki@example.com"),
            PaymentProvider.Chpter => ("100", "KES", "+254700123123", "John Doe", "johndoe@mail.com"),
            _ => ("5000", "XOF", "+2250798765432", (string?)null, (string?)null),
        };
        var body = new JsonObject
        {
            ["merchantReference"] = reference,
            ["provider"] = provider.ToSlug(),
            ["amount"] = amount,
            ["currency"] = currency,
            ["description"] = $"Order {reference}",
            ["customer"] = new JsonObject { ["name"] = name, ["phone"] = phone, ["email"] = email },
            ["expiresInSeconds"] = expiresInSeconds,
        };
        if (provider != PaymentProvider.Adullam)
        {
            body["redirectUrls"] = new JsonObject { ["success"] = "https://shop.example.com/ok", ["failure"] = "https://shop.example.com/failed" };
        }

        return body;
    }
}
