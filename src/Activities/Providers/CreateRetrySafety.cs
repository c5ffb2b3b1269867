using System.Text.Json.Serialization;

namespace CheckoutOrchestrator.Providers;

/// <summary>Whether creating a session again after a failure can open a second session.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CreateRetrySafety>))]
public enum CreateRetrySafety
{
    /// <summary>The provider replays a request with the same idempotency key.</summary>
    IdempotencyKey,

    /// <summary>The provider rejects a second session with our reference, so a retry cannot open a second one.</summary>
    UniqueReference,

    /// <summary>Nothing stops a second session: only failures that prove nothing was created are retried.</summary>
    None,
}
