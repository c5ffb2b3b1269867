using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Client.Events;

/// <summary>
/// Maps the endpoint the orchestrator posts events to: verifies each, calls the handler once per
/// event id (a redelivery is answered 200 without calling it again), answers 2xx when handled, and
/// a failing handler leaves the event to be sent again. The de-duplication is this process's memory:
/// with several instances, make the handler idempotent on the event id too.
/// </summary>
public static class CheckoutEventEndpoint
{
    /// <summary>Registers what MapCheckoutEvents needs: the signing secrets and the tolerance.</summary>
    public static IServiceCollection AddCheckoutEvents(this IServiceCollection services, Action<CheckoutEventOptions> configure)
    {
        services.AddOptions<CheckoutEventOptions>().Configure(configure)
            .Validate(o => o.SigningSecrets.Count > 0, "Checkout events need at least one signing secret.");
        services.AddSingleton<HandledEvents>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Receives signed events at this path: verifies each, calls the handler once per event id, answers 401 to a bad signature and 500 when the handler throws (the event is sent again).</summary>
    public static RouteHandlerBuilder MapCheckoutEvents(this IEndpointRouteBuilder app, string pattern, Func<CheckoutEvent, CancellationToken, Task> handler) =>
        app.MapPost(pattern, async (HttpRequest request, IOptions<CheckoutEventOptions> options, HandledEvents handled, TimeProvider time) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
            CheckoutEvent checkoutEvent;
            try
            {
                checkoutEvent = CheckoutEvents.Verify(
                    request.Headers[CheckoutEvents.SignatureHeader], body, options.Value.SigningSecrets, time.GetUtcNow(), options.Value.Tolerance);
            }
            catch (CheckoutSignatureException ex)
            {
                return Results.Problem(ex.Message, statusCode: StatusCodes.Status401Unauthorized, title: "The event's signature does not hold.");
            }

            if (!handled.TryBegin(checkoutEvent.Id))
            {
                return Results.Ok();
            }

            try
            {
                await handler(checkoutEvent, request.HttpContext.RequestAborted);
                handled.Complete(checkoutEvent.Id);
                return Results.Ok();
            }
            catch
            {
                handled.Abandon(checkoutEvent.Id);
                throw;
            }
        });

    /// <summary>Event ids handled (or being handled) by this process, the newest kept.</summary>
    internal sealed class HandledEvents
    {
        private const int Capacity = 100_000;
        private readonly ConcurrentDictionary<string, bool> seen = new(StringComparer.Ordinal);
        private readonly ConcurrentQueue<string> order = new();

        public bool TryBegin(string eventId) => seen.TryAdd(eventId, false);

        public void Complete(string eventId)
        {
            seen[eventId] = true;
            order.Enqueue(eventId);
            while (order.Count > Capacity && order.TryDequeue(out var oldest))
            {
                seen.TryRemove(oldest, out _);
            }
        }

        public void Abandon(string eventId) => seen.TryRemove(eventId, out _);
    }
}
