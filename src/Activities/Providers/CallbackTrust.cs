using System.Text.Json.Serialization;

namespace CheckoutOrchestrator.Providers;

/// <summary>How far a provider's callback can be believed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CallbackTrust>))]
public enum CallbackTrust
{
    /// <summary>The provider signs its callbacks; a verified callback is authoritative.</summary>
    Signature,

    /// <summary>No signature and no status API: a callback is believed only when it carries the secret token we put in its URL.</summary>
    SecretUrlToken,

    /// <summary>The callback cannot be authenticated; it only triggers a status lookup.</summary>
    ConfirmByStatusLookup,
}
