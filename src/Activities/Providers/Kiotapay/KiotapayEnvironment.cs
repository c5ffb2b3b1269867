using System.Text.Json.Serialization;

namespace CheckoutOrchestrator.Providers.Kiotapay;

/// <summary>Which Kiotapay the checkouts go to. Its paths differ, so it must never be left to chance.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KiotapayEnvironment>))]
public enum KiotapayEnvironment
{
    /// <summary>Documented: checkout sessions under /api/sandbox/v1.</summary>
    Sandbox,

    /// <summary>[inferred] Undocumented ("switch to your production base URL"): /api/v1, to be confirmed with Kiotapay.</summary>
    Production,
}
