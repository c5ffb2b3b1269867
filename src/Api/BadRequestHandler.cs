using Microsoft.AspNetCore.Diagnostics;

namespace CheckoutOrchestrator.Api;

/// <summary>
/// A request Kestrel could not read (a body slower than its minimum rate: 408; larger than allowed:
/// 413; malformed: 400) is the caller's problem, answered with its own status and a problem
/// document on every door, and logged as a line, never as a 500 with a stack trace. A caller that
/// went away is simply let go.
/// </summary>
public sealed partial class BadRequestHandler : IExceptionHandler
{
    private readonly IProblemDetailsService problems;
    private readonly ILogger<BadRequestHandler> logger;

    public BadRequestHandler(IProblemDetailsService problems, ILogger<BadRequestHandler> logger)
    {
        this.problems = problems;
        this.logger = logger;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true;
        }

        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        RequestRefused(logger, httpContext.Request.Method, httpContext.Request.Path, bad.StatusCode, bad.Message);
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new()
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode switch
                {
                    StatusCodes.Status408RequestTimeout => "The request body came too slowly.",
                    StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
                    _ => "The request could not be read.",
                },
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Path}: {Status} {Reason}")]
    private static partial void RequestRefused(ILogger logger, string method, string path, int status, string reason);
}
