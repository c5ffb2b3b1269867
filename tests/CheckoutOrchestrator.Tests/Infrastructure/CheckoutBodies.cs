using System.Globalization;
using System.Text.Json.Nodes;
using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Tests.Infrastructure;

/// <summary>POST /checkouts bodies as a merchant's backend writes them, from the documented examples.</summary>
public static class CheckoutBodies
{
    public static JsonObject For(PaymentProvider provider, string? merchantReference = null)
    {
        var sample = SampleCheckouts.For(provider);
        var body = new JsonObject
        {
            ["merchantReference"] = merchantReference ?? $"order-{Guid.NewGuid():N}",
            ["provider"] = provider.ToSlug(),
            ["amount"] = sample.Amount.Value.ToString(CultureInfo.InvariantCulture),
            ["currency"] = sample.Amount.Currency,
            ["description"] = sample.Description,
            ["customer"] = new JsonObject
            {
                ["name"] = sample.Customer.Name,
                ["phone"] = sample.Customer.Phone,
                ["email"] = sample.Customer.Email,
            },
            ["expiresInSeconds"] = 1800,
        };
        if (sample.Redirects is { } redirects)
        {
            body["redirectUrls"] = new JsonObject { ["success"] = redirects.Success.AbsoluteUri, ["failure"] = redirects.Failure.AbsoluteUri };
        }

        if (sample.AllowedMethods.Count > 0)
        {
            body["allowedMethods"] = new JsonArray([.. sample.AllowedMethods.Select(m => JsonValue.Create(System.Text.Json.JsonSerializer.Serialize(m).Trim('"')))]);
        }

        return body;
    }
}
