using Microsoft.AspNetCore.Diagnostics;
using Temporalio.Exceptions;

namespace CheckoutOrchestrator.Api;

/// <summary>Temporal out of reach is an outage (503, retry later), not a bug (500).</summary>
public sealed class TemporalUnavailableHandler : IExceptionHandler
{
    private readonly IProblemDetailsService problems;

    public TemporalUnavailableHandler(IProblemDetailsService problems)
    {
        this.problems = problems;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not RpcException { Code: RpcException.StatusCode.Unavailable or RpcException.StatusCode.DeadlineExceeded })
        {
            return false;
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
