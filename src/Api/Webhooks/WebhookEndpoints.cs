using System.Text;
using CheckoutOrchestrator.Api.Checkouts;
using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Telemetry;

namespace CheckoutOrchestrator.Api.Webhooks;

/// <summary>
/// Provider callbacks: the raw body is verified by the provider layer and relayed to its checkout
/// as a signal. Answers fast; the workflow does the rest.
/// </summary>
public static class WebhookEndpoints
{
    /// <summary>No documented callback comes near this; anything larger is not a callback.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks/{provider}", ReceiveAsync)
            .Produces<WebhookReceipt>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A provider's payment callback.");
        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        string provider,
        HttpRequest http,
        IEnumerable<ProviderCallbackReader> readers,
        CallbackRelay relay,
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
        if (verdict.Kind != CallbackVerdictKind.Accepted)
        {
            logger.LogWarning("Refused a {Provider} callback for checkout {CheckoutId}: {Reason}", paymentProvider, callback.CheckoutId, verdict.Reason);
            CheckoutInstruments.CallbackRefused(paymentProvider, verdict.Kind.ToString());
            return verdict.Kind == CallbackVerdictKind.Unauthenticated
                ? ApiProblems.Problem(StatusCodes.Status401Unauthorized, "callback-unauthenticated", "The callback could not be verified.", verdict.Reason)
                : ApiProblems.Problem(StatusCodes.Status400BadRequest, "callback-malformed", "The callback could not be read.", verdict.Reason);
        }

        IReadOnlyList<string> checkoutIds = verdict.CheckoutId is { } named
            ? [named]
            : await relay.FindBySessionKeysAsync(paymentProvider, verdict.SessionKeys, cancellationToken);
        var results = new List<SignalResult>();
        foreach (var checkoutId in checkoutIds.Where(CheckoutIds.IsWellFormed))
        {
            results.Add(await relay.SignalAsync(checkoutId, verdict.Event!, cancellationToken));
        }

        var result = results.Count == 0 ? SignalResult.UnknownCheckout : results.Min();
        logger.LogInformation("{Provider} callback for checkout(s) {CheckoutIds}: {Result}", paymentProvider, string.Join(",", checkoutIds), result);
        return result switch
        {
            SignalResult.UnknownCheckout => ApiProblems.NotFound("checkout for this callback"),
            _ => TypedResults.Ok(new WebhookReceipt(checkoutIds[0], result != SignalResult.AlreadyFinished)),
        };
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

/// <summary>What a provider gets back: which checkout the callback reached, and whether it was still open.</summary>
public sealed record WebhookReceipt(string CheckoutId, bool Delivered);
