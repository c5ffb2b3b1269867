using System.Text.Json.Serialization;

namespace CheckoutOrchestrator.Providers.Adullam;

/// <summary>Whether to read one session with GET /v1/checkouts/{id}, which Adullam does not document.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AdullamSingleSessionGet>))]
public enum AdullamSingleSessionGet
{
    /// <summary>Try it; trust its 404 only once it has answered 200, and fall back to the list until then.</summary>
    Auto,

    /// <summary>Adullam has confirmed it: use it alone.</summary>
    On,

    /// <summary>Only the documented list.</summary>
    Off,
}
