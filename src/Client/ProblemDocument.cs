using System.Text.Json;
using System.Text.Json.Serialization;

namespace CheckoutOrchestrator.Client;

/// <summary>An RFC 9457 problem document as the API writes it, with field errors and any extension members (checkoutId, providerCode, ...).</summary>
public sealed record ProblemDocument(string? Type, string? Title, int? Status, string? Detail, IReadOnlyDictionary<string, string[]>? Errors)
{
    /// <summary>Further members of the problem document, e.g. checkoutId or providerCode.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extensions { get; init; }
}
