using CheckoutOrchestrator.Workflows;
using Temporalio.Workflows;

namespace CheckoutOrchestrator.Tests.Workflows;

/// <summary>The checkout workflow as a careless change might leave it: a timer before the create.</summary>
[Workflow("CheckoutWorkflow")]
public sealed class ReorderedCheckoutWorkflow
{
    [WorkflowRun]
    public async Task<CheckoutSnapshot?> RunAsync(CheckoutWorkflowInput input)
    {
        await Workflow.DelayAsync(TimeSpan.FromSeconds(1));
        return null;
    }

    [WorkflowUpdate]
    public Task<CheckoutSnapshot?> WaitForSessionAsync(string requestFingerprint) => Task.FromResult<CheckoutSnapshot?>(null);
}
