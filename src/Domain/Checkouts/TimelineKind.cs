using System.Text.Json.Serialization;

namespace CheckoutOrchestrator.Checkouts;

/// <summary>What a timeline entry records.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TimelineKind>))]
public enum TimelineKind
{
    [JsonStringEnumMemberName("status_changed")]
    StatusChanged,

    /// <summary>The customer's attempt failed; the provider's page stays open for another.</summary>
    [JsonStringEnumMemberName("attempt_failed")]
    AttemptFailed,

    [JsonStringEnumMemberName("late_payment")]
    LatePayment,

    /// <summary>A checkout that named no provider opened at another than its first choice; the detail says why.</summary>
    [JsonStringEnumMemberName("failed_over")]
    FailedOver,
}
