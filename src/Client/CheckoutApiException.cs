using System.Net;
using System.Text.Json;

namespace CheckoutOrchestrator.Client;

/// <summary>The API refused a call; <see cref="Problem"/> says why, field by field where it can.</summary>
public class CheckoutApiException : Exception
{
    /// <summary>A refusal with its HTTP status and the API's problem document.</summary>
    public CheckoutApiException(HttpStatusCode statusCode, ProblemDocument problem)
        : base($"{(int)statusCode} {problem.Title}{(problem.Detail is null ? string.Empty : $": {problem.Detail}")}")
    {
        StatusCode = statusCode;
        Problem = problem;
    }

    /// <summary>The API's HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The API's RFC 9457 problem document: what went wrong, and per field under Errors.</summary>
    public ProblemDocument Problem { get; }

    internal static CheckoutApiException From(HttpStatusCode status, TimeSpan? retryAfter, string? body)
    {
        var problem = Read(body) ?? new ProblemDocument(null, status.ToString(), (int)status, body, null);
        return (int)status switch
        {
            400 or 415 or 422 => new CheckoutInvalidRequestException(status, problem),
            401 or 403 => new CheckoutAuthenticationException(status, problem),
            404 => new CheckoutNotFoundException(status, problem),
            409 => new CheckoutConflictException(status, problem),
            429 => new CheckoutRateLimitException(status, problem, retryAfter),
            >= 500 => new CheckoutProviderException(status, problem),
            _ => new CheckoutApiException(status, problem),
        };
    }

    private static ProblemDocument? Read(string? body)
    {
        try
        {
            return string.IsNullOrEmpty(body) ? null : JsonSerializer.Deserialize<ProblemDocument>(body, CheckoutClient.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>400, 415, 422: the request cannot be used as sent; <see cref="ProblemDocument.Errors"/> names each field.</summary>
public sealed class CheckoutInvalidRequestException(HttpStatusCode statusCode, ProblemDocument problem) : CheckoutApiException(statusCode, problem);

/// <summary>401, 403: the API key is missing, unknown, or not this checkout's merchant.</summary>
public sealed class CheckoutAuthenticationException(HttpStatusCode statusCode, ProblemDocument problem) : CheckoutApiException(statusCode, problem);

/// <summary>404: no such checkout for this merchant.</summary>
public sealed class CheckoutNotFoundException(HttpStatusCode statusCode, ProblemDocument problem) : CheckoutApiException(statusCode, problem);

/// <summary>409: the merchant reference belongs to another request, or the checkout is already paid.</summary>
public sealed class CheckoutConflictException(HttpStatusCode statusCode, ProblemDocument problem) : CheckoutApiException(statusCode, problem);

/// <summary>429: over the merchant's budget; retry after <see cref="RetryAfter"/>.</summary>
public sealed class CheckoutRateLimitException(HttpStatusCode statusCode, ProblemDocument problem, TimeSpan? retryAfter) : CheckoutApiException(statusCode, problem)
{
    /// <summary>How long to wait before the next request, as the API said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>5xx: the provider or the orchestrator could not answer now; the same request may be repeated (it opens one checkout).</summary>
public sealed class CheckoutProviderException(HttpStatusCode statusCode, ProblemDocument problem) : CheckoutApiException(statusCode, problem);
