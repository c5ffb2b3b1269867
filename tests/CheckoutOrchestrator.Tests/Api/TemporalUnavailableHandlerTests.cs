using CheckoutOrchestrator.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Temporalio.Exceptions;
using Xunit;

namespace CheckoutOrchestrator.Tests.Api;

/// <summary>A read the worker cannot answer now is a 503 the merchant retries, never a 500.</summary>
public sealed class TemporalUnavailableHandlerTests
{
    [Fact]
    public async Task A_failed_query_is_a_503_problem_with_retry_after()
    {
        await using var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.Body = new MemoryStream();
        var handler = new TemporalUnavailableHandler(services.GetRequiredService<IProblemDetailsService>());

        var handled = await handler.TryHandleAsync(http, new WorkflowQueryFailedException("[TMPRL1100] Nondeterminism error"), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal((StatusCodes.Status503ServiceUnavailable, "5"), (http.Response.StatusCode, http.Response.Headers.RetryAfter.ToString()));
    }
}
