using System.Text.Json.Serialization;

namespace CheckoutOrchestrator.Checkouts;

/// <summary>Why a person should look at a checkout. Each reason is noted, and told to the merchant, once.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReviewReason>))]
public enum ReviewReason
{
    /// <summary>A create failed in a way that may have left a session at the provider.</summary>
    [JsonStringEnumMemberName("create_outcome_unknown")]
    CreateOutcomeUnknown,

    /// <summary>A provider's authenticated callback said paid, and no lookup confirmed it.</summary>
    [JsonStringEnumMemberName("unconfirmed_success")]
    UnconfirmedSuccess,

    /// <summary>The provider's lookup could not find the session it gave us.</summary>
    [JsonStringEnumMemberName("session_missing")]
    SessionMissing,

    /// <summary>The provider reported success for another amount.</summary>
    [JsonStringEnumMemberName("amount_mismatch")]
    AmountMismatch,

    /// <summary>An authenticated callback or a lookup answer named another reference than ours.</summary>
    [JsonStringEnumMemberName("foreign_reference")]
    ForeignReference,

    /// <summary>
    /// The provider's own fields or answers disagree, or leave open what happened (Chpter's paid vs
    /// payment_status; Waftpay's answers about a checkout and about its newest attempt).
    /// </summary>
    [JsonStringEnumMemberName("provider_fields_disagree")]
    ProviderFieldsDisagree,

    /// <summary>The checkout ended without word, at a provider that has no status lookup.</summary>
    [JsonStringEnumMemberName("no_lookup_to_confirm")]
    NoLookupToConfirm,

    /// <summary>The provider could not be asked when it mattered (deadline, cancel, the watch's end).</summary>
    [JsonStringEnumMemberName("provider_unreachable")]
    ProviderUnreachable,

    /// <summary>Money arrived after the checkout ended.</summary>
    [JsonStringEnumMemberName("late_payment")]
    LatePayment,

    /// <summary>After the end, an authenticated success callback that the lookup contradicts.</summary>
    [JsonStringEnumMemberName("contradicted_claim")]
    ContradictedClaim,

    /// <summary>
    /// After the end, an unauthenticated success claim at a provider with no lookup: listed for
    /// operators only, since nobody outside may send a merchant an event.
    /// </summary>
    [JsonStringEnumMemberName("unverified_late_claim")]
    UnverifiedLateClaim,
}
