using System.Text.Json;
using System.Text.Json.Nodes;

namespace CheckoutOrchestrator.Simulators.Infrastructure;

/// <summary>Loose reading of request bodies, the way a provider's own validation sees them.</summary>
public static class JsonBody
{
    public static async Task<JsonObject?> ReadObjectAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? Text(JsonNode? node, string name) =>
        node?[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static decimal? Number(JsonNode? node, string name) =>
        node?[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<decimal>() : null;

    public static IReadOnlyList<string>? Texts(JsonNode? node, string name) =>
        node?[name] is JsonArray array && array.All(i => i is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            ? [.. array.Select(i => i!.GetValue<string>())]
            : null;

    public static Uri? WebUrl(JsonNode? node, string name) =>
        Uri.TryCreate(Text(node, name), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : null;

    public static bool IsWhole(decimal value) => decimal.Truncate(value) == value;
}
