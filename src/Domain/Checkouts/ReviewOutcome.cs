using System.Text.Json.Serialization;

namespace CheckoutOrchestrator.Checkouts;

/// <summary>What an operator found or decided about a review note.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReviewOutcome>))]
public enum ReviewOutcome
{
    /// <summary>The money is at the provider. On an unpaid end this records a late payment confirmed by the operator; the final status never changes.</summary>
    [JsonStringEnumMemberName("confirmed_paid")]
    ConfirmedPaid,

    /// <summary>The provider holds no money for this checkout.</summary>
    [JsonStringEnumMemberName("confirmed_unpaid")]
    ConfirmedUnpaid,

    /// <summary>The customer was refunded, outside this system; the note says where.</summary>
    [JsonStringEnumMemberName("refunded")]
    Refunded,

    /// <summary>The order was fulfilled for the money received.</summary>
    [JsonStringEnumMemberName("fulfilled")]
    Fulfilled,

    /// <summary>Nothing to do: the note was noise (the note says why).</summary>
    [JsonStringEnumMemberName("dismissed")]
    Dismissed,
}
