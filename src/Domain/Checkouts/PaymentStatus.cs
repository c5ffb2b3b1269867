using System.Text.Json.Serialization;

namespace CheckoutOrchestrator.Checkouts;

/// <summary>Where a payment stands, in one vocabulary for every provider.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PaymentStatus>))]
public enum PaymentStatus
{
    [JsonStringEnumMemberName("pending")]
    Pending,

    [JsonStringEnumMemberName("requires_action")]
    RequiresAction,

    [JsonStringEnumMemberName("processing")]
    Processing,

    [JsonStringEnumMemberName("succeeded")]
    Succeeded,

    [JsonStringEnumMemberName("failed")]
    Failed,

    [JsonStringEnumMemberName("expired")]
    Expired,

    [JsonStringEnumMemberName("cancelled")]
    Cancelled,
}
