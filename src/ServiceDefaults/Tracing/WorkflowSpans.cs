using System.Diagnostics;
using Temporalio.Worker.Interceptors;
using Temporalio.Workflows;

namespace CheckoutOrchestrator.ServiceDefaults.Tracing;

/// <summary>
/// The workflow's part of the trace. A workflow resumes on any worker at any time, so its spans mark
/// moments (it ran; it took a signal or an update) and close at once; they are emitted only when the
/// workflow is not replaying. The run's context goes on every activity it schedules.
/// </summary>
internal sealed class WorkflowSpans : WorkflowInboundInterceptor
{
    public WorkflowSpans(WorkflowInboundInterceptor next)
        : base(next)
    {
    }

    /// <summary>The context activities are scheduled under: the run's span, or the caller's on replay.</summary>
    public ActivityContext? RunContext { get; private set; }

    public override void Init(WorkflowOutboundInterceptor outbound) => base.Init(new WorkflowOutboundSpans(this, outbound));

    public override Task<object?> ExecuteWorkflowAsync(ExecuteWorkflowInput input)
    {
        var caller = TraceHeaders.From(Workflow.Info.Headers);
        RunContext = Mark($"RunWorkflow:{Workflow.Info.WorkflowType}", caller) ?? caller;
        return base.ExecuteWorkflowAsync(input);
    }

    public override Task HandleSignalAsync(HandleSignalInput input)
    {
        Mark($"HandleSignal:{input.Signal}", TraceHeaders.From(input.Headers));
        return base.HandleSignalAsync(input);
    }

    public override Task<object?> HandleUpdateAsync(HandleUpdateInput input)
    {
        Mark($"HandleUpdate:{input.Update}", TraceHeaders.From(input.Headers));
        return base.HandleUpdateAsync(input);
    }

    private static ActivityContext? Mark(string name, ActivityContext? parent)
    {
        if (Workflow.Unsafe.IsReplaying)
        {
            return null;
        }

        using var span = CheckoutTracing.Source.StartActivity(name, ActivityKind.Server, parent ?? default);
        span?.SetTag("checkout.id", Workflow.Info.WorkflowId);
        return span?.Context;
    }
}
