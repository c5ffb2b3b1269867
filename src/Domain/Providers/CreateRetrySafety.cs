using System.Text.Json.Serialization;

namespace CheckoutOrchestrator.Providers;

/// <summary>Why creating a session again after a lost answer cannot leave the customer with two payable sessions.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CreateRetrySafety>))]
public enum CreateRetrySafety
{
    /// <summary>The provider replays a request with the same idempotency key.</summary>
    IdempotencyKey,

    /// <summary>
    /// The provider refuses a second session with our reference. A retry whose first attempt did
    /// open a session (its answer lost) is refused as a duplicate, so it tries again under a
    /// reference of its own: the first session's URL was never seen, so nobody can pay it.
    /// </summary>
    UniqueReference,

    /// <summary>
    /// Nothing stops a second session, but a session is only payable through its hosted page: a
    /// session whose answer was lost has a URL nobody ever saw, so a retry is safe.
    /// </summary>
    HostedPageOnly,

    /// <summary>
    /// Nothing stops a second session and the provider prompts the customer on create: an attempt
    /// that may have reached it is not retried, and the checkout fails as "outcome unknown".
    /// </summary>
    None,
}
