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

    /// <summary>The endpoint answered a redirect (never followed); delivery stopped.</summary>
    [JsonStringEnumMemberName("refused")]
    Refused,

    /// <summary>The endpoint answered 410 Gone: delivery stopped, and later events of the checkout are not sent there.</summary>
    [JsonStringEnumMemberName("gone")]
    Gone,

    /// <summary>The event could not be sent: no URL, or one events may not go to. The endpoint was never called.</summary>
    [JsonStringEnumMemberName("undeliverable")]
    Undeliverable,

    /// <summary>No 2xx within the retry window (at least 24 hours).</summary>
    [JsonStringEnumMemberName("gave_up")]
    GaveUp,
}
