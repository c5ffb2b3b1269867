using System.Diagnostics;
using Temporalio.Activities;
using Temporalio.Worker.Interceptors;

namespace CheckoutOrchestrator.ServiceDefaults.Tracing;

/// <summary>Runs each activity under a span of its checkout's trace, so the provider HTTP calls it makes join that trace.</summary>
internal sealed class ActivitySpans : ActivityInboundInterceptor
{
    public ActivitySpans(ActivityInboundInterceptor next)
        : base(next)
    {
    }

    public override async Task<object?> ExecuteActivityAsync(ExecuteActivityInput input)
    {
        var info = ActivityExecutionContext.Current.Info;
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
