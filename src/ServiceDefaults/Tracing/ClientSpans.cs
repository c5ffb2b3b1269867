using System.Diagnostics;
using Temporalio.Client;
using Temporalio.Client.Interceptors;

namespace CheckoutOrchestrator.ServiceDefaults.Tracing;

/// <summary>A client span around each call that reaches a workflow, its context passed on in the Temporal headers.</summary>
internal sealed class ClientSpans : ClientOutboundInterceptor
{
    public ClientSpans(ClientOutboundInterceptor next)
        : base(next)
    {
    }

    public override async Task<WorkflowHandle<TWorkflow, TResult>> StartWorkflowAsync<TWorkflow, TResult>(StartWorkflowInput input)
    {
        using var span = Start(input.Options.StartSignal is null ? $"StartWorkflow:{input.Workflow}" : $"SignalWithStartWorkflow:{input.Workflow}", input.Options.Id);
        return await TracedAsync(span, () => base.StartWorkflowAsync<TWorkflow, TResult>(Context() is { } context ? input with { Headers = TraceHeaders.With(input.Headers, context) } : input));
    }

    public override async Task<WorkflowUpdateHandle<TUpdateResult>> StartUpdateWithStartWorkflowAsync<TUpdateResult>(StartUpdateWithStartWorkflowInput input)
    {
        using var span = Start($"UpdateWithStartWorkflow:{input.Options.StartWorkflowOperation?.Workflow}", input.Options.StartWorkflowOperation?.Options.Id);
        if (Context() is { } context && input.Options.StartWorkflowOperation is { } start)
        {
            // The trace must reach both the workflow's start and the update.
            input.Options.StartWorkflowOperation = (WithStartWorkflowOperation)start.Clone();
            input.Options.StartWorkflowOperation.Headers = TraceHeaders.With(start.Headers, context);
            input = input with { Headers = TraceHeaders.With(input.Headers, context) };
        }

        return await TracedAsync(span, () => base.StartUpdateWithStartWorkflowAsync<TUpdateResult>(input));
    }

    public override async Task SignalWorkflowAsync(SignalWorkflowInput input)
    {
        using var span = Start($"SignalWorkflow:{input.Signal}", input.Id);
        await TracedAsync(span, async () =>
        {
            await base.SignalWorkflowAsync(Context() is { } context ? input with { Headers = TraceHeaders.With(input.Headers, context) } : input);
            return true;
        });
    }

    public override async Task<WorkflowUpdateHandle<TResult>> StartWorkflowUpdateAsync<TResult>(StartWorkflowUpdateInput input)
    {
        using var span = Start($"UpdateWorkflow:{input.Update}", input.Id);
        return await TracedAsync(span, () => base.StartWorkflowUpdateAsync<TResult>(Context() is { } context ? input with { Headers = TraceHeaders.With(input.Headers, context) } : input));
    }

    /// <summary>A query is billed as an action: its span makes every one visible (the API answers reads without them).</summary>
    public override async Task<TResult> QueryWorkflowAsync<TResult>(QueryWorkflowInput input)
    {
        using var span = Start($"QueryWorkflow:{input.Query}", input.Id);
        return await TracedAsync(span, () => base.QueryWorkflowAsync<TResult>(Context() is { } context ? input with { Headers = TraceHeaders.With(input.Headers, context) } : input));
    }

    private static Activity? Start(string name, string? workflowId)
    {
        var span = CheckoutTracing.Source.StartActivity(name, ActivityKind.Client);
        span?.SetTag("checkout.id", workflowId);
        return span;
    }

    private static ActivityContext? Context() => Activity.Current?.Context;

    private static async Task<T> TracedAsync<T>(Activity? span, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex)
        {
            span?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
    }
}
