using CheckoutOrchestrator.Api.Checkouts;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.ServiceDefaults;
using CheckoutOrchestrator.Workflows;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Exceptions;

namespace CheckoutOrchestrator.Api.Webhooks;

/// <summary>Where a provider callback goes besides a running checkout: how long the run it would grow is, and a closed checkout's reconciliation.</summary>
public sealed class CallbackTargets
{
    private readonly ITemporalClient client;
    private readonly TemporalSettings settings;
    private readonly CheckoutReader reader;

    public CallbackTargets(ITemporalClient client, TemporalSettings settings, CheckoutReader reader)
    {
        this.client = client;
        this.settings = settings;
        this.reader = reader;
    }

    /// <summary>
    /// How many events the run a callback would grow holds now: the checkout's own while it runs,
    /// else its reconciliation's (0 when none has started). Describe is free and writes nothing.
    /// </summary>
    public async Task<int> HistoryLengthAsync(string checkoutId, CancellationToken cancellationToken)
    {
        var rpc = new WorkflowDescribeOptions { Rpc = new() { CancellationToken = cancellationToken } };
        try
        {
            var checkout = await client.GetWorkflowHandle(checkoutId).DescribeAsync(rpc);
            if (checkout.Status == WorkflowExecutionStatus.Running)
            {
                return checkout.HistoryLength;
            }

            var reconciliation = await client.GetWorkflowHandle(CheckoutReconciliationWorkflow.IdFor(checkoutId)).DescribeAsync(rpc);
            return reconciliation.Status == WorkflowExecutionStatus.Running ? reconciliation.HistoryLength : 0;
        }
        catch (RpcException ex) when (ex.Code == RpcException.StatusCode.NotFound)
        {
            return 0;
        }
    }

    /// <summary>Any checkout by id, whoever it belongs to: for provider callbacks, which name no merchant.</summary>
    public Task<CheckoutReading?> ReadForCallbackAsync(string checkoutId, CancellationToken cancellationToken) =>
        reader.ReadAsync(checkoutId, merchantId: null, cancellationToken);

    /// <summary>
    /// Hands a callback for a closed checkout to its reconciliation: started with the checkout's
    /// last state, or joined if one is already running (signal-with-start).
    /// </summary>
    public async Task ReconcileAsync(CheckoutSnapshot closed, ProviderEvent providerEvent, CancellationToken cancellationToken)
    {
        var options = ReconciliationStart.Options(settings, closed, cancellationToken);
        options.SignalWithStart((CheckoutReconciliationWorkflow wf) => wf.ReceiveProviderEventAsync(providerEvent));
        var input = ReconciliationStart.Input(settings, closed);
        await client.StartWorkflowAsync((CheckoutReconciliationWorkflow wf) => wf.RunAsync(input), options);
    }
}
