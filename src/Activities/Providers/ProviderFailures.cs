using System.Net;
using System.Net.Http.Headers;
using CheckoutOrchestrator.Telemetry;
using Temporalio.Exceptions;

namespace CheckoutOrchestrator.Providers;

/// <summary>
/// The one place provider errors become Temporal application failures. Temporal's activity retry
/// policy is the only retry layer, so retryable means "Temporal may try again" and non-retryable
/// means the failure reaches the workflow at once.
/// </summary>
public static class ProviderFailures
{
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(10);

    public static ApplicationFailureException FromResponse(
        ProviderCallContext context, HttpStatusCode status, string? body, RetryConditionHeaderValue? retryAfter)
    {
        var (code, message) = ProviderErrorBody.Read(body);
        return FromStatus(context, (int)status, code, message, RetryDelay(retryAfter));
    }

    /// <summary>Classifies an HTTP status, whether it came on the response or inside a body that says it failed.</summary>
    public static ApplicationFailureException FromStatus(ProviderCallContext context, int http, string? code, string? message, TimeSpan? retryAfter = null) => http switch
    {
        >= 200 and < 300 => Fail(context, ProviderErrorTypes.InvalidResponse, http, code, message ?? "unreadable success response", nonRetryable: true),
        401 or 403 => Fail(context, ProviderErrorTypes.AuthenticationFailed, http, code, message, nonRetryable: true),
        429 => Fail(context, ProviderErrorTypes.RateLimited, http, code, message, nonRetryable: false, retryAfter),
        408 => Ambiguous(context, ProviderErrorTypes.Timeout, http, code, message),
        >= 500 => Ambiguous(context, ProviderErrorTypes.Unavailable, http, code, message),
        _ => Rejected(context, http, code, message),
    };

    /// <summary>No response arrived. Whether the request reached the provider decides what is safe.</summary>
    public static ApplicationFailureException FromTransport(ProviderCallContext context, Exception exception)
    {
        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError })
        {
            return Fail(context, ProviderErrorTypes.Unreachable, null, null, exception.Message, nonRetryable: false);
        }

        var type = exception is OperationCanceledException or TimeoutException ? ProviderErrorTypes.Timeout : ProviderErrorTypes.Unavailable;
        return Ambiguous(context, type, null, null, exception.Message);
    }

    public static ApplicationFailureException Rejected(ProviderCallContext context, int? http, string? code, string? message) =>
        context.IsReferenceTaken(code, message)
            ? Fail(context, ProviderErrorTypes.Unavailable, http, code, $"the reference is taken by a session whose answer was lost; the next attempt uses a reference of its own: {message}", nonRetryable: false)
            : Fail(context, ProviderErrorTypes.Rejected, http, code, message, nonRetryable: true);

    /// <summary>An error envelope the provider documents as possibly transient (LakiPay's PROVIDER_ERROR).</summary>
    public static ApplicationFailureException TransientRejection(ProviderCallContext context, int? http, string? code, string? message) =>
        Ambiguous(context, ProviderErrorTypes.Unavailable, http, code, message);

    public static ApplicationFailureException InvalidResponse(ProviderCallContext context, string detail) =>
        Fail(context, ProviderErrorTypes.InvalidResponse, null, null, detail, nonRetryable: true);

    private static ApplicationFailureException Ambiguous(ProviderCallContext context, string type, int? http, string? code, string? message) =>
        context.IsUnsafeToRetryAmbiguousCreate
            ? Fail(context, ProviderErrorTypes.CreateOutcomeUnknown, http, code, $"the create may have reached the provider ({type}); not retried to avoid a second session: {message}", nonRetryable: true)
            : Fail(context, type, http, code, message, nonRetryable: false);

    private static ApplicationFailureException Fail(
        ProviderCallContext context, string type, int? http, string? code, string? message, bool nonRetryable, TimeSpan? nextRetryDelay = null)
    {
        var details = new ProviderErrorDetails(context.Provider, context.Operation, http, code, message);
        var status = http is null ? string.Empty : $" HTTP {http}";
        var codeText = code is null ? string.Empty : $" {code}";
        return new ApplicationFailureException(
            $"{context.Provider} {context.Operation} failed ({type}{status}{codeText}): {LogRedaction.PhoneNumbers(message)}",
            type,
            nonRetryable,
            [details],
            nextRetryDelay);
    }

    private static TimeSpan? RetryDelay(RetryConditionHeaderValue? retryAfter)
    {
        var delay = retryAfter?.Delta ?? (retryAfter?.Date - DateTimeOffset.UtcNow);
        return delay is { } d && d > TimeSpan.Zero ? (d > MaxRetryAfter ? MaxRetryAfter : d) : null;
    }
}
