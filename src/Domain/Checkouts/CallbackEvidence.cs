using System.Text.Json.Serialization;

namespace CheckoutOrchestrator.Checkouts;

/// <summary>How a callback proved where it came from, decided at the door.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CallbackEvidence>))]
public enum CallbackEvidence
{
    /// <summary>
    /// Nothing about it is verified (no valid token, no valid signature): it may wake a status
    /// lookup, no more. It never proves a payment, never supplies an id a lookup trusts, and never
    /// puts a checkout on review or tells a merchant anything by itself.
    /// </summary>
    [JsonStringEnumMemberName("hint")]
    Hint,

    /// <summary>
    /// It carried our per-checkout token, so the provider sent it. Where the provider has a status
    /// lookup its word is confirmed there first; where it has none, the token is the proof.
    /// </summary>
    [JsonStringEnumMemberName("token")]
    Token,

    /// <summary>The provider's own signature verified.</summary>
    [JsonStringEnumMemberName("signature")]
    Signature,
}
