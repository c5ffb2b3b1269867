using System.Text.Json.Nodes;
using CheckoutOrchestrator.Checkouts;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace CheckoutOrchestrator.Api.OpenApi;

/// <summary>
/// The OpenAPI document at /openapi/v1.json, made exact: the endpoints' own metadata, completed with
/// what minimal APIs cannot say (security, the list's query, the loosely read request bodies, the
/// merchant events), and the reference page a person reads at /docs.
/// </summary>
public static class ApiContract
{
    public const string Title = "CheckoutOrchestrator API";
    public const string Version = "1.0.0";
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/docs";

    /// <summary>The providers' slugs, as the API writes them.</summary>
    public static IEnumerable<string> ProviderSlugs => PaymentProviderSlugs.All.Select(p => p.ToSlug());

    /// <summary>A string schema that allows exactly these values.</summary>
    public static OpenApiSchema Enumeration(IEnumerable<string> values, string? description = null) =>
        new() { Type = JsonSchemaType.String, Enum = [.. values.Select(v => (JsonNode)v)], Description = description };

    public static IServiceCollection AddApiContract(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<ContractDocument>();
            options.AddOperationTransformer<OperationContract>();
            options.AddSchemaTransformer<RequestSchemas>();
        });

    public static WebApplication MapApiContract(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath);
        var serve = app.Services.GetRequiredService<IOptions<ApiOptions>>().Value.ServeReference ?? app.Environment.IsDevelopment();
        if (serve)
        {
            // The page's script is served from the package itself, and without web fonts: nothing is fetched from outside.
            app.MapScalarApiReference(ReferencePath, options =>
            {
                options.Title = Title;
                options.OpenApiRoutePattern = DocumentPath;
                options.DefaultFonts = false;

                // The merchant's key is the scheme a person tries first; the example request is a valid one.
                options.AddPreferredSecuritySchemes(ContractDocument.MerchantKey);
            });
        }

        return app;
    }
}
