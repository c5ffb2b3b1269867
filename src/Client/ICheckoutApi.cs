using Refit;

namespace CheckoutOrchestrator.Client;

/// <summary>The API's merchant endpoints as Refit sees them; <see cref="CheckoutClient"/> is what callers use.</summary>
internal interface ICheckoutApi
{
    [Post("/checkouts")]
    Task<IApiResponse<Checkout>> CreateAsync([Body] CreateCheckoutRequest request, CancellationToken cancellationToken);

    [Get("/checkouts/{checkoutId}")]
    Task<IApiResponse<Checkout>> GetAsync(string checkoutId, [AliasAs("wait")] string? wait, CancellationToken cancellationToken);

    [Get("/checkouts")]
    Task<IApiResponse<CheckoutPage>> ListAsync([Query] ListQuery query, CancellationToken cancellationToken);

    [Post("/checkouts/{checkoutId}/cancel")]
    Task<IApiResponse<Checkout>> CancelAsync(string checkoutId, [Body] CancelBody body, CancellationToken cancellationToken);

    [Get("/events")]
    Task<IApiResponse<EventPage>> ListEventsAsync([Query] EventQuery query, CancellationToken cancellationToken);

    [Post("/events/{eventId}/redeliver")]
    Task<IApiResponse<EventRecord>> RedeliverAsync(string eventId, CancellationToken cancellationToken);
}

/// <summary>GET /events' query, as the API reads it.</summary>
internal sealed record EventQuery(
    [property: AliasAs("checkoutId")] string? CheckoutId,
    [property: AliasAs("type")] string? Type,
    [property: AliasAs("delivered")] string? Delivered,
    [property: AliasAs("pageSize")] int? PageSize,
    [property: AliasAs("pageToken")] string? PageToken);

/// <summary>GET /checkouts' query, written as the API reads it (lower-case booleans, ISO 8601 instants).</summary>
internal sealed record ListQuery(
    [property: AliasAs("status")] string? Status,
    [property: AliasAs("provider")] string? Provider,
    [property: AliasAs("reference")] string? Reference,
    [property: AliasAs("createdAfter")] string? CreatedAfter,
    [property: AliasAs("needsReview")] string? NeedsReview,
    [property: AliasAs("latePayment")] string? LatePayment,
    [property: AliasAs("failedOver")] string? FailedOver,
    [property: AliasAs("pageSize")] int? PageSize,
    [property: AliasAs("pageToken")] string? PageToken);

internal sealed record CancelBody(string? Reason);
