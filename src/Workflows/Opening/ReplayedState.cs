using Temporalio.Common;
using Temporalio.Converters;
using Temporalio.Worker;
using Temporalio.Worker.Interceptors;
using Temporalio.Workflows;

namespace CheckoutOrchestrator.Workflows.Opening;

/// <summary>
/// A checkout as its history says it stands, read by replaying that history through the same
/// workflow code the worker runs, in this process. A Temporal query would ask a worker and is billed
/// as an action; fetching a history is not, and the replay cannot answer differently from the
/// query, since it is the same code over the same events. Lives beside the workflows because it
/// reads their history's shape.
/// </summary>
public static class ReplayedState
{
    /// <summary>The state of the checkout (or reconciliation) run that wrote this history.</summary>
    public static async Task<CheckoutSnapshot?> SnapshotAsync(WorkflowHistory history, DataConverter converter, string @namespace)
    {
        var capture = new InstanceCapture();
        var replayer = new WorkflowReplayer(
            new WorkflowReplayerOptions
            {
                DataConverter = converter,
                Namespace = @namespace,
                Interceptors = [capture],
            }
            .AddWorkflow<CheckoutWorkflow>()
            .AddWorkflow<CheckoutReconciliationWorkflow>());
        var replay = await replayer.ReplayWorkflowAsync(history, throwOnReplayFailure: false);
        if (replay.ReplayFailure is { } failure)
        {
            throw new InvalidOperationException($"The history of {history.Id} does not replay on this release.", failure);
        }

        return capture.Instance switch
        {
            CheckoutWorkflow checkout => checkout.Snapshot,
            CheckoutReconciliationWorkflow reconciliation => reconciliation.Snapshot,
            _ => null,
        };
    }

    /// <summary>Keeps the workflow instance the replay ran, to read its state once the history is used up.</summary>
    private sealed class InstanceCapture : IWorkerInterceptor
    {
        public object? Instance { get; set; }

        public WorkflowInboundInterceptor InterceptWorkflow(WorkflowInboundInterceptor nextInterceptor) => new Inbound(nextInterceptor, this);

        private sealed class Inbound(WorkflowInboundInterceptor next, InstanceCapture capture) : WorkflowInboundInterceptor(next)
        {
            public override Task<object?> ExecuteWorkflowAsync(ExecuteWorkflowInput input)
            {
                capture.Instance = Workflow.Instance;
                return base.ExecuteWorkflowAsync(input);
            }
        }
    }
}
