using System.Text.Json.Nodes;
using CheckoutOrchestrator.Api.Checkouts;
using CheckoutOrchestrator.Validation;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CheckoutOrchestrator.Api.OpenApi;

/// <summary>
/// The request bodies are read loosely (so every field is reported on its own); their schemas say
/// what the reader and the validator actually require and accept, in the form client generators
/// read right (a decimal string, not a number; optional means nullable; enumerations are strings).
/// </summary>
public sealed class RequestSchemas : IOpenApiSchemaTransformer
{
    /// <summary>A request the API takes as it stands: what the reference page fills in.</summary>
    public const string ValidExample =
        """{"merchantReference":"order-1","provider":"kiotapay","amount":"1500","currency":"KES","description":"Order 1","customer":{"name":"Jane Wanjiru","phone":"+254712345678","email":"jane@example.com"},"redirectUrls":{"success":"https://shop.example.com/ok","failure":"https://shop.example.com/failed"}}""";

    /// <summary>Digits, an optional point and fraction; the currency's minor units bound the fraction.</summary>
    public const string AmountPattern = "^[0-9]{1,18}(\\.[0-9]{1,10})?$";

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if ((Nullable.GetUnderlyingType(type) ?? type).IsEnum && schema.Enum is { Count: > 0 })
        {
            // Every enumeration is written as its wire text: a generator must not make it a number.
            schema.Type = Nullable.GetUnderlyingType(type) is null ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
        }
        else if (type == typeof(CreateCheckoutBody))
        {
            DescribeCreateBody(schema);
        }
        else if (type == typeof(RedirectUrlsBody))
        {
            schema.Required = new HashSet<string> { "success", "failure" };
            schema.Description = "Where the customer goes after the payment page, once our return page knows the outcome: success (paid), failure (ended unpaid), pending (optional: not final yet; else success), cancel (optional). checkout_id and status are appended. Success and failure are required when this is given.";
        }
        else if (type == typeof(CustomerBody) || type == typeof(CancelCheckoutBody))
        {
            schema.Required = new HashSet<string>();
        }

        return Task.CompletedTask;
    }

    private static void DescribeCreateBody(OpenApiSchema schema)
    {
        schema.Required = new HashSet<string> { CheckoutFields.MerchantReference, CheckoutFields.Amount, CheckoutFields.Currency };
        schema.Examples = [JsonNode.Parse(ValidExample)!];
        var properties = schema.Properties!;
        properties[CheckoutFields.MerchantId] = Optional(Text("Optional: the API key says who the merchant is; if given it must be the key's merchant."));
        properties[CheckoutFields.MerchantReference] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Pattern = "^[A-Za-z0-9_.:/#-]{1," + CheckoutValidator.MaxIdentifierLength + "}$",
            Description = "The merchant's order number: one checkout per reference. Repeating the same request returns the same checkout.",
        };
        properties[CheckoutFields.Provider] = Optional(ApiContract.Enumeration(
            ApiContract.ProviderSlugs,
            "The payment provider that hosts the checkout. Leave it out to let the orchestrator pick the first provider that takes the checkout (currency, methods, amount) and fail over where that is safe."));
        properties[CheckoutFields.Providers] = new OpenApiSchema
        {
            Type = JsonSchemaType.Array | JsonSchemaType.Null,
            Items = ApiContract.Enumeration(ApiContract.ProviderSlugs),
            Description = "With no provider: the providers allowed, in order of preference (default: the configured order for the currency).",
        };
        properties[CheckoutFields.Amount] = new OpenApiSchema
        {
            // A string only: a generator that sees "number" makes a double, and 0.1 + 0.2 is not 0.30. (A JSON number is still read, exactly.)
            Type = JsonSchemaType.String,
            Pattern = AmountPattern,
            Description = "Major units as a decimal string, e.g. \"1500.00\" (at most the currency's minor units; XOF has none); "
                + "more digits than can be held exactly are refused, never rounded.",
            Examples = [JsonValue.Create("1500.00")],
        };
        properties[CheckoutFields.Currency] = ApiContract.Enumeration(Currencies.Supported, "ISO 4217; the provider must take it.");
        properties[CheckoutFields.Description] = new OpenApiSchema
        {
            Type = JsonSchemaType.String | JsonSchemaType.Null,
            MaxLength = CheckoutValidator.MaxDescriptionLength,
            Description = "Shown to the payer: printable text, no control or format characters (bidi overrides are refused). Some providers need one.",
        };
        properties[CheckoutFields.ExpiresInSeconds] = new OpenApiSchema
        {
            Type = JsonSchemaType.Integer | JsonSchemaType.Null,
            Minimum = CheckoutValidator.MinExpirySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Maximum = CheckoutValidator.MaxExpirySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Description = $"How long the customer may take to pay (default {CheckoutRequestReader.DefaultExpirySeconds}).",
        };
        properties[CheckoutFields.NotificationUrl] = new OpenApiSchema
        {
            Type = JsonSchemaType.String | JsonSchemaType.Null,
            Format = "uri",
            Description = "Where this checkout's events are sent (https); else the merchant's configured endpoint.",
        };
    }

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };

    /// <summary>A property that may be left out or sent as null: generators make it nullable, so leaving it unset sends nothing.</summary>
    private static OpenApiSchema Optional(OpenApiSchema schema)
    {
        schema.Type |= JsonSchemaType.Null;
        return schema;
    }
}
