using System.Text;
using CheckoutOrchestrator.Api.Checkouts;
using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Telemetry;

namespace CheckoutOrchestrator.Api.Webhooks;

/// <summary>
/// Provider callbacks: the raw body is verified by the provider layer and relayed to its checkout
/// as a signal. A callback with its checkout's token (or a valid provider signature) is the
/// provider's word; anything else is a hint that may wake a lookup, answered the same whether or
/// not a checkout was found, so an outsider learns nothing. Answers fast; the workflow does the rest.
/// </summary>
public static class WebhookEndpoints
{
    /// <summary>No documented callback comes near this; anything larger is not a callback.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks/{provider}", ReceiveAsync)
            .RequireRateLimiting(WebhookRateLimit.Policy)
            .Produces<WebhookReceipt>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("receiveProviderCallback")
            .WithSummary("A provider's payment callback.")
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        string provider,
        HttpRequest http,
        IEnumerable<ProviderCallbackReader> readers,
        CallbackRelay relay,
        UnmatchedCallbacks unmatched,
        [FromKeyedServices(CheckoutGate.Progress)] CheckoutGate progress,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!PaymentProviderSlugs.TryParse(provider, out var paymentProvider))
        {
            return ApiProblems.NotFound("provider");
        }

        var logger = loggers.CreateLogger(typeof(WebhookEndpoints));
        var rawBody = await ReadBodyAsync(http, cancellationToken);
        if (rawBody is null)
        {
            return ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "callback-too-large", "The callback body is too large.");
        }

        var callback = new ProviderCallback(paymentProvider, rawBody, http.Query[CallbackUrls.CheckoutParameter], http.Query[CallbackUrls.TokenParameter], time.GetUtcNow());
        var verdict = readers.Single(r => r.Provider == paymentProvider).Read(callback);
        if (verdict.Kind != CallbackVerdictKind.Accepted || verdict.Suspicion is not null)
        {
            // A security event: operators alert on this metric and warning.
            logger.LogWarning(
                "Distrusted a {Provider} callback from {RemoteAddress} naming checkout {CheckoutId}: {Reason}",
                paymentProvider,
                http.HttpContext.Connection.RemoteIpAddress,
                callback.CheckoutId,
                verdict.Suspicion ?? verdict.Reason);
            CallbackInstruments.CallbackRefused(paymentProvider, verdict.Suspicion is null ? verdict.Kind.ToString() : "WrongToken");
        }

        if (verdict.Kind != CallbackVerdictKind.Accepted)
        {
            return verdict.Kind == CallbackVerdictKind.Unauthenticated
                ? ApiProblems.Problem(StatusCodes.Status401Unauthorized, "callback-unauthenticated", "The callback could not be verified.", verdict.Reason)
                : ApiProblems.Problem(StatusCodes.Status400BadRequest, "callback-malformed", "The callback could not be read.", verdict.Reason);
        }

        if (verdict.CheckoutId is { } named)
        {
            // Word of progress alone changes no outcome: the first a minute per checkout goes in (held for the next
            // callback's signal); the rest join it while it waits, or are coalesced like hints.
            if (verdict.Event!.Status?.Status is { } said && !said.IsTerminal() && !progress.TryPass(named))
            {
                relay.HoldAlong(named, verdict.Event);
                return TypedResults.Ok(new WebhookReceipt(named, true));
            }

            var result = await relay.SignalAsync(named, verdict.Event!, cancellationToken);
            logger.LogInformation("{Provider} callback for checkout {CheckoutId}: {Result}", paymentProvider, named, result);
            return result == SignalResult.UnknownCheckout
                ? ApiProblems.NotFound("checkout for this callback")
                : TypedResults.Ok(new WebhookReceipt(named, result != SignalResult.AlreadyFinished));
        }

        // A hint that claims only progress could buy no lookup: it goes no further, and costs no history.
        var hint = verdict.Event!.IsHint;
        if (hint && !verdict.Event.WorthALookup)
        {
            return TypedResults.Ok(WebhookReceipt.Received);
        }

        var found = await relay.RelayBySessionKeysAsync(paymentProvider, verdict.SessionKeys, verdict.Event, cancellationToken);
        if (found == 0)
        {
            unmatched.SearchAgainLater(paymentProvider, verdict.SessionKeys, verdict.Event);
        }

        logger.LogInformation("{Provider} callback found by its ids: {Found} checkout(s)", paymentProvider, found);
        return TypedResults.Ok(WebhookReceipt.Received);
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        if (http.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await http.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}

/// <summary>
/// What a provider gets back. For a callback with its checkout's token: which checkout it reached,
/// and whether that was still open. For any other: only that it was received.
/// </summary>
public sealed record WebhookReceipt(string? CheckoutId, bool Delivered)
{
    public static WebhookReceipt Received { get; } = new(null, true);
}
