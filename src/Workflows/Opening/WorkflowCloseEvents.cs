using Temporalio.Api.Enums.V1;
using Temporalio.Api.History.V1;

namespace CheckoutOrchestrator.Workflows.Opening;

/// <summary>The history events that end a workflow run, however it ended.</summary>
public static class WorkflowCloseEvents
{
    public static bool IsClose(HistoryEvent historyEvent) => historyEvent.EventType is EventType.WorkflowExecutionCompleted
        or EventType.WorkflowExecutionFailed or EventType.WorkflowExecutionTerminated or EventType.WorkflowExecutionTimedOut
        or EventType.WorkflowExecutionCanceled or EventType.WorkflowExecutionContinuedAsNew;
}
