using System.Globalization;

namespace CheckoutOrchestrator.Simulators.Infrastructure;

/// <summary>Applies latency, failures and hangs to provider API endpoints.</summary>
public sealed class FaultInjectionMiddleware
{
    private static readonly TimeSpan HangFor = TimeSpan.FromMinutes(5);
    private readonly RequestDelegate next;

    public FaultInjectionMiddleware(RequestDelegate next)
    {
        this.next = next;
    }

    public async Task InvokeAsync(HttpContext context, FaultSwitchboard switchboard)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ProviderApiEndpoint>() is not { } api)
        {
            await next(context);
            return;
        }

        var faults = switchboard.Get(api.Provider);
        if (faults.LatencyMs > 0)
        {
            await Task.Delay(faults.LatencyMs, context.RequestAborted);
        }

        var fault = switchboard.TakeRequestFault(api.Provider, context.Request.Method, context.Request.Path);
        var answerDelay = switchboard.AnswerDelay(api.Provider, context.Request.Method, context.Request.Path);
        if (fault is null && answerDelay > TimeSpan.Zero)
        {
            await AnswerLaterAsync(context, answerDelay);
            return;
        }

        if (fault is null)
        {
            await next(context);
            return;
        }

        if (fault.AfterProcessing)
        {
            var original = context.Response.Body;
            context.Response.Body = Stream.Null;
            await next(context);
            context.Response.Body = original;
            context.Response.Clear();
        }

        if (fault.Hang)
        {
            await Task.Delay(HangFor, context.RequestAborted);
            return;
        }

        context.Response.StatusCode = fault.Status;
        if (fault.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        await context.Response.WriteAsJsonAsync(new { message = $"Simulated failure {fault.Status}" }, context.RequestAborted);
    }

    /// <summary>Processes the request now and lets its answer out only after the delay.</summary>
    private async Task AnswerLaterAsync(HttpContext context, TimeSpan delay)
    {
        var original = context.Response.Body;
        using var held = new MemoryStream();
        context.Response.Body = held;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        await Task.Delay(delay, context.RequestAborted);
        held.Position = 0;
        await held.CopyToAsync(original, context.RequestAborted);
    }
}
