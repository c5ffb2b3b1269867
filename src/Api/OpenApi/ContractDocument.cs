using System.Text.Json.Nodes;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CheckoutOrchestrator.Api.OpenApi;

/// <summary>What the whole document says: who wrote it, how callers authenticate, and the events a merchant receives.</summary>
public sealed class ContractDocument : IOpenApiDocumentTransformer
{
    public const string MerchantKey = "merchantKey";
    public const string OperatorToken = "operatorToken";
    public const string EventSignature = "eventSignature";

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = ApiContract.Title,
            Version = ApiContract.Version,
            Description = "Open hosted checkouts at African payment providers and follow each to a final, trustworthy state. "
                + "Every merchant call carries the merchant's API key as a bearer token. Amounts are decimal strings in major units. "
                + "Enumerated values are written in lower case (currencies in upper case) and read without regard to case. "
                + "Errors are RFC 9457 problem details; field errors are listed per field under `errors`. "
                + "Final states and late payments are sent to the merchant's notification URL as the signed events under `webhooks`.",
            License = new OpenApiLicense { Name = "Proprietary", Url = new Uri("https://checkout-orchestrator.dev/license") },
        };
        document.Servers = [new OpenApiServer { Url = "/", Description = "This API" }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [MerchantKey] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "API key",
                Description = "The merchant's API key: `Authorization: Bearer cok_...`.",
            },
            [OperatorToken] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An operator's token from the configured identity provider (Temporal UI's codec calls).",
            },
            [EventSignature] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = NotificationSignature.Header,
                Description = "How the merchant knows an event is ours: HMAC-SHA256 under the merchant's signing secret (see the header parameter).",
            },
        };
        document.Tags = new HashSet<OpenApiTag>
        {
            new() { Name = OperationContract.CheckoutsTag, Description = "A merchant's checkouts: open, read, list, cancel." },
            new() { Name = OperationContract.EventsTag, Description = "The events sent to a merchant, with their deliveries; send one again." },
            new() { Name = OperationContract.OperatorsTag, Description = "Temporal UI's payload codec, for operators." },
        };

        var eventSchema = await context.GetOrCreateSchemaAsync(typeof(MerchantEvent), null, cancellationToken);
        eventSchema.Properties!["type"] = ApiContract.Enumeration(MerchantEventTypes.All);
        eventSchema.Properties["checkout"] = new OpenApiSchemaReference(nameof(CheckoutView), document);
        document.AddComponent(nameof(MerchantEvent), eventSchema);
        document.Webhooks = MerchantEventTypes.All.ToDictionary(type => type, type => (IOpenApiPathItem)EventDelivery(type, document));
    }

    private static OpenApiPathItem EventDelivery(string type, OpenApiDocument document) => new()
    {
        Operations = new()
        {
            [HttpMethod.Post] = new OpenApiOperation
            {
                OperationId = "on" + string.Concat(type.Split('.', '_').Select(word => char.ToUpperInvariant(word[0]) + word[1..])),
                Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(EventSignature, document)] = [] }],
                Summary = $"`{type}` sent to the checkout's notification URL (or the merchant's default).",
                Description = "Verify `Checkout-Signature` (t=<unix seconds>,v1=<hex HMAC-SHA256 of \"t.body\">; one v1 per active secret while secrets rotate), "
                    + "refuse a timestamp more than five minutes away, dedupe on `id`, answer 2xx. Anything else is retried for 25 hours, "
                    + "except 410 Gone (no more events of the checkout go to that URL) and a redirect (never followed).",
                Parameters =
                [
                    new OpenApiParameter
                    {
                        Name = NotificationSignature.Header,
                        In = ParameterLocation.Header,
                        Required = true,
                        Description = "t=<unix seconds>,v1=<hex HMAC-SHA256 of \"t.body\" under a merchant secret>[,v1=...]",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^t=[0-9]+(,v1=[0-9a-f]{64})+$" },
                        Example = JsonValue.Create("t=1764842400,v1=" + new string('a', 32) + new string('0', 32)),
                    },
                ],
                RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new() { Schema = new OpenApiSchemaReference(nameof(MerchantEvent), document) },
                    },
                },
                Responses = new OpenApiResponses
                {
                    ["200"] = new OpenApiResponse { Description = "Received (any 2xx will do); the event is not sent again." },
                },
            },
        },
    };
}
