using CheckoutOrchestrator.Api.Checkouts;
using CheckoutOrchestrator.Api.Codec;
using CheckoutOrchestrator.Api.Events;
using CheckoutOrchestrator.Api.Merchants;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CheckoutOrchestrator.Api.OpenApi;

/// <summary>Per operation: the security its endpoint requires, the headers of its answers, and the list's query.</summary>
public sealed class OperationContract : IOpenApiOperationTransformer
{
    public const string CheckoutsTag = "Checkouts";
    public const string EventsTag = "Events";
    public const string OperatorsTag = "Operators";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var policies = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToHashSet();
        var scheme = policies.Contains(MerchantAccess.Policy) ? ContractDocument.MerchantKey
            : policies.Contains(CodecEndpoints.Policy) ? ContractDocument.OperatorToken
            : null;
        if (scheme is not null)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] }];
        }

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse answer)
            {
                continue;
            }

            if (status == "429")
            {
                answer.Headers = new Dictionary<string, IOpenApiHeader>
                {
                    ["Retry-After"] = new OpenApiHeader { Description = "Seconds until the budget refills.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
                };
            }
            else if (status is "201" or "202")
            {
                var where = operation.OperationId == EventEndpoints.RedeliverOperation
                    ? "Where to follow the redelivery: /events?checkoutId={checkoutId}."
                    : "The checkout's address: /checkouts/{checkoutId}.";
                answer.Headers = new Dictionary<string, IOpenApiHeader>
                {
                    ["Location"] = new OpenApiHeader { Description = where, Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                };
            }
        }

        if (operation.OperationId == CheckoutEndpoints.ListOperation)
        {
            operation.Parameters = ListParameters();
        }
        else if (operation.OperationId == EventEndpoints.ListOperation)
        {
            operation.Parameters = EventListParameters();
        }
        else if (operation.OperationId == EventEndpoints.RedeliverOperation)
        {
            foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
            {
                parameter.Description = "The event's id, as its delivery and GET /events carry it.";
            }
        }
        else if (operation.OperationId == CheckoutEndpoints.GetOperation)
        {
            foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
            {
                parameter.Description = parameter.Name == "wait"
                    ? $"Answer as soon as the checkout is final, waiting at most this long: whole seconds, e.g. 30 or 30s (longer waits are cut to {WaitParameter.Max.TotalSeconds:F0})."
                    : "The checkout's id, co_ followed by 32 hex digits.";
            }
        }

        return Task.CompletedTask;
    }

    private static List<IOpenApiParameter> ListParameters() =>
    [
        Query("status", "Only checkouts in this status.", ApiContract.Enumeration(Enum.GetValues<PaymentStatus>().Select(s => s.ToWire()))),
        Query("provider", "Only checkouts at this provider.", ApiContract.Enumeration(ApiContract.ProviderSlugs)),
        Query("reference", "Only the checkout with this merchant reference.", new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 64 }),
        Query("createdAfter", "Only checkouts created after this instant (ISO 8601 with offset).", new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" }),
        Query("needsReview", "Only checkouts a person must look at (true), or only the others (false).", new OpenApiSchema { Type = JsonSchemaType.Boolean }),
        Query("latePayment", "Only checkouts paid after they ended (true), or only the others (false).", new OpenApiSchema { Type = JsonSchemaType.Boolean }),
        Query("failedOver", "Only checkouts that opened at another provider than their first choice (true), or only the others (false).", new OpenApiSchema { Type = JsonSchemaType.Boolean }),
        Query("pageSize", $"Checkouts per page, 1 to {CheckoutListQuery.MaxPageSize} (default {CheckoutListQuery.DefaultPageSize}).", new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Minimum = "1",
            Maximum = CheckoutListQuery.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }),
        Query("pageToken", "The nextPageToken of the previous page, with the same filters.", new OpenApiSchema { Type = JsonSchemaType.String }),
    ];

    private static List<IOpenApiParameter> EventListParameters() =>
    [
        Query("checkoutId", "Only the events of this checkout.", new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^co_[0-9a-f]{32}$" }),
        Query("type", "Only events of this type.", ApiContract.Enumeration(MerchantEventTypes.All)),
        Query("delivered", "Only events the merchant's endpoint took, first time or redelivered (true), or only the others (false).", new OpenApiSchema { Type = JsonSchemaType.Boolean }),
        Query("pageSize", $"Events per page, about (a page ends at a checkout's last event), 1 to {CheckoutListQuery.MaxPageSize} (default {CheckoutListQuery.DefaultPageSize}).", new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Minimum = "1",
            Maximum = CheckoutListQuery.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }),
        Query("pageToken", "The nextPageToken of the previous page, with the same filters.", new OpenApiSchema { Type = JsonSchemaType.String }),
    ];

    private static OpenApiParameter Query(string name, string description, OpenApiSchema schema) =>
        new() { Name = name, In = ParameterLocation.Query, Required = false, Description = description, Schema = schema };
}
