using System.Text.Json.Serialization;

namespace CheckoutOrchestrator.Notifications;

[JsonConverter(typeof(JsonStringEnumConverter<NotificationState>))]
public enum NotificationState
{
    /// <summary>Not delivered yet; Temporal keeps retrying.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    [JsonStringEnumMemberName("delivered")]
    Delivered,

    /// <summary>The endpoint answered a 4xx that retrying cannot fix; delivery stopped.</summary>
    [JsonStringEnumMemberName("refused")]
    Refused,

    /// <summary>No 2xx within the retry window (at least 24 hours).</summary>
    [JsonStringEnumMemberName("gave_up")]
    GaveUp,
}
