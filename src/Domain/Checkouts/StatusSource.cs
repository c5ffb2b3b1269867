using System.Text.Json.Serialization;

namespace CheckoutOrchestrator.Checkouts;

/// <summary>What told the checkout about a status change.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StatusSource>))]
public enum StatusSource
{
    [JsonStringEnumMemberName("created")]
    Created,

    [JsonStringEnumMemberName("webhook")]
    Webhook,

    [JsonStringEnumMemberName("poll")]
    Poll,

    [JsonStringEnumMemberName("expiry")]
    Expiry,

    [JsonStringEnumMemberName("cancel")]
    Cancel,

    /// <summary>An operator who confirmed at the provider what no callback or lookup had said.</summary>
    [JsonStringEnumMemberName("operator")]
    Operator,
}
