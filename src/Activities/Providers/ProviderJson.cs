using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Refit;

namespace CheckoutOrchestrator.Providers;

/// <summary>JSON conventions of the providers' APIs, chosen once.</summary>
public static class ProviderJson
{
    public static JsonSerializerOptions SnakeCase { get; } = Create(JsonNamingPolicy.SnakeCaseLower);

    public static JsonSerializerOptions CamelCase { get; } = Create(JsonNamingPolicy.CamelCase);

    public static RefitSettings Refit(JsonSerializerOptions options) => new(new SystemTextJsonContentSerializer(options));

    private static JsonSerializerOptions Create(JsonNamingPolicy naming) => new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = naming,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,

        // Bodies go to APIs, never into HTML: "+2250798765432" stays as written instead of "\u002B…".
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
