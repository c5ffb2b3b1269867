using Temporalio.Worker.Interceptors;

namespace CheckoutOrchestrator.ServiceDefaults.Tracing;

/// <summary>Puts the workflow run's trace context on every activity it schedules.</summary>
internal sealed class WorkflowOutboundSpans : WorkflowOutboundInterceptor
{
    private readonly WorkflowSpans inbound;

    public WorkflowOutboundSpans(WorkflowSpans inbound, WorkflowOutboundInterceptor next)
        : base(next)
    {
        this.inbound = inbound;
    }

    public override Task<TResult> ScheduleActivityAsync<TResult>(ScheduleActivityInput input) =>
        base.ScheduleActivityAsync<TResult>(inbound.RunContext is { } context ? input with { Headers = TraceHeaders.With(input.Headers, context) } : input);
}
