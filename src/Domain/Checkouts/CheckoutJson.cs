using System.Text.Json;

namespace CheckoutOrchestrator.Checkouts;

/// <summary>The JSON merchants read, from the API and in notifications alike: camelCase, enums as their documented strings.</summary>
public static class CheckoutJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
