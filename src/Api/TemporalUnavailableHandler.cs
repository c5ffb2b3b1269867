using Microsoft.AspNetCore.Diagnostics;
using Temporalio.Exceptions;

namespace CheckoutOrchestrator.Api;

/// <summary>
/// Temporal out of reach, or a checkout whose worker cannot answer a read right now (a query that
/// failed: no worker polling, or one replaying the checkout failed), is an outage (503, retry later),
/// not a bug (500). The worker logs and counts the failure itself.
/// </summary>
public sealed class TemporalUnavailableHandler : IExceptionHandler
{
    private readonly IProblemDetailsService problems;

    public TemporalUnavailableHandler(IProblemDetailsService problems)
    {
        this.problems = problems;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (RpcException { Code: RpcException.StatusCode.Unavailable or RpcException.StatusCode.DeadlineExceeded } or WorkflowQueryFailedException))
        {
            return false;
        }

        if (exception is WorkflowQueryFailedException)
        {
            httpContext.RequestServices.GetRequiredService<ILogger<TemporalUnavailableHandler>>().LogError(exception, "A checkout could not be read: its query failed");
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new()
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = "Checkouts are unavailable for a moment; retry." },
        });
    }
}
