using System.Security.Claims;
using CheckoutOrchestrator.Api.Merchants;

namespace CheckoutOrchestrator.Api.Events;

/// <summary>The events the orchestrator sent a merchant: list them, and have one sent again. Every call needs the merchant's API key.</summary>
public static class EventEndpoints
{
    public const string ListOperation = "listEvents";
    public const string RedeliverOperation = "redeliverEvent";

    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/events")
            .RequireAuthorization(MerchantAccess.Policy)
            .RequireRateLimiting(MerchantAccess.RateLimit)
            .WithTags(OpenApi.OperationContract.EventsTag)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        events.MapGet(string.Empty, ListAsync)
            .WithName(ListOperation)
            .Produces<EventPage>()
            .ProducesValidationProblem()
            .WithSummary("The merchant's events with their deliveries, newest checkouts first: filter by checkout, type, delivered or not.");
        events.MapPost("/{eventId}/redeliver", RedeliverAsync)
            .WithName(RedeliverOperation)
            .Produces<EventView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Send an event again: the same id, type and time with a fresh signature, retried like every event.");
        return app;
    }

    private static async Task<IResult> ListAsync(HttpRequest http, ClaimsPrincipal user, MerchantEvents events, CancellationToken cancellationToken)
    {
        var (filter, pageToken, pageSize, errors) = EventListQuery.Read(http.Query);
        if (errors.Count > 0)
        {
            return ApiProblems.Fields(StatusCodes.Status400BadRequest, "The event query cannot be used.", errors);
        }

        return await events.ListAsync(user.MerchantOf(), filter, pageToken, pageSize, cancellationToken) is { } page
            ? TypedResults.Ok(page)
            : ApiProblems.Fields(StatusCodes.Status400BadRequest, "The event query cannot be used.", [new("pageToken", "Not a page token this API handed out; start again without it.")]);
    }

    private static async Task<IResult> RedeliverAsync(string eventId, ClaimsPrincipal user, MerchantEvents events, CancellationToken cancellationToken)
    {
        var outcome = await events.RedeliverAsync(user.MerchantOf(), eventId, cancellationToken);
        return outcome.Result switch
        {
            RedeliveryResult.Started => TypedResults.Accepted($"/events?checkoutId={outcome.Event!.CheckoutId}", outcome.Event),
            RedeliveryResult.StillDelivering => ApiProblems.Problem(
                StatusCodes.Status409Conflict,
                "delivery-under-way",
                "This event is still being delivered.",
                "Wait for the delivery under way to end (GET /events?checkoutId=...), then ask again."),
            _ => ApiProblems.NotFound("event"),
        };
    }
}
