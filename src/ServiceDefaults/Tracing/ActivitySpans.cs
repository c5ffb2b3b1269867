using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Temporalio.Activities;
using Temporalio.Worker.Interceptors;

namespace CheckoutOrchestrator.ServiceDefaults.Tracing;

/// <summary>Runs each activity under a span of its checkout's trace and a log scope naming the checkout, so the provider HTTP calls it makes join that trace.</summary>
internal sealed class ActivitySpans : ActivityInboundInterceptor
{
    public ActivitySpans(ActivityInboundInterceptor next)
        : base(next)
    {
    }

    public override async Task<object?> ExecuteActivityAsync(ExecuteActivityInput input)
    {
        var context = ActivityExecutionContext.Current;
        var info = context.Info;

        // Every log line the activity writes names its checkout, whichever logger writes it.
        using var scope = context.Logger.BeginScope(new Dictionary<string, object?> { ["CheckoutId"] = info.WorkflowId, ["WorkflowRunId"] = info.WorkflowRunId ?? "unknown" });
        using var span = CheckoutTracing.Source.StartActivity($"RunActivity:{info.ActivityType}", ActivityKind.Server, TraceHeaders.From(input.Headers) ?? default);
        span?.SetTag("checkout.id", info.WorkflowId);
        span?.SetTag("activity.attempt", info.Attempt);
        try
        {
            return await base.ExecuteActivityAsync(input);
        }
        catch (Exception ex)
        {
            span?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
    }
}
