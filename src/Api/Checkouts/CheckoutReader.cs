using CheckoutOrchestrator.Workflows;
using CheckoutOrchestrator.Workflows.Opening;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.History.V1;
using Temporalio.Client;
using Temporalio.Exceptions;

namespace CheckoutOrchestrator.Api.Checkouts;

/// <summary>
/// Reads a merchant's checkout without a Temporal action: describe, the history (replayed here) or
/// the result, never a query unless a history does not replay on this release. Another merchant's
/// checkout is "none". Waits for a checkout's end by following its history.
/// </summary>
public sealed class CheckoutReader
{
    private readonly ITemporalClient client;
    private readonly IHostApplicationLifetime lifetime;

    public CheckoutReader(ITemporalClient client, IHostApplicationLifetime lifetime)
    {
        this.client = client;
        this.lifetime = lifetime;
    }

    /// <summary>The merchant's checkout, or null when there is none (or it is another merchant's).</summary>
    public async Task<CheckoutSnapshot?> FindAsync(string checkoutId, string merchantId, CancellationToken cancellationToken) =>
        (await ReadAsync(checkoutId, merchantId, cancellationToken))?.Snapshot;

    /// <summary>
    /// Answers as soon as the checkout is final, or with its state when the wait runs out (or the API stops). It follows
    /// the workflow's history (which costs no Temporal action) and reads the checkout again only when
    /// its status search attribute moves.
    /// </summary>
    public async Task<CheckoutSnapshot?> WaitForFinalAsync(string checkoutId, string? merchantId, TimeSpan wait, CancellationToken cancellationToken)
    {
        var reading = await ReadAsync(checkoutId, merchantId, cancellationToken);
        if (reading is null || reading.Snapshot.IsFinal || !reading.IsRunning || wait <= TimeSpan.Zero)
        {
            return reading?.Snapshot;
        }

        // A stopping API answers its waiting reads at once with the state as it is, instead of holding the stop.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        timeout.CancelAfter(wait);
        var snapshot = reading.Snapshot;
        try
        {
            var history = client.GetWorkflowHandle(checkoutId).FetchHistoryEventsAsync(
                new() { WaitNewEvent = true, Rpc = new() { CancellationToken = timeout.Token } });
            await foreach (var historyEvent in history)
            {
                if (historyEvent.EventId > reading.HistoryLength && MayChangeStatus(historyEvent))
                {
                    snapshot = (await ReadAsync(checkoutId, merchantId, cancellationToken))?.Snapshot ?? snapshot;
                    if (snapshot.IsFinal)
                    {
                        break;
                    }
                }
            }
        }
        catch (Exception ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested
                                   && ex is OperationCanceledException or RpcException)
        {
            // The wait ran out: answer with the state as it is.
        }

        return snapshot;
    }

    /// <summary>
    /// Reads a checkout: a running one by replaying its history; for a closed one its result, or what its
    /// reconciliation learned since. Describe (free) comes first, so another merchant's checkout is
    /// refused before anything is read from it.
    /// </summary>
    public async Task<CheckoutReading?> ReadAsync(string checkoutId, string? merchantId, CancellationToken cancellationToken)
    {
        var description = await DescribeOwnedAsync(checkoutId, merchantId, cancellationToken);
        if (description is null)
        {
            return null;
        }

        var running = description.Status == WorkflowExecutionStatus.Running;
        var snapshot = running
            ? await DeliveriesInFlight.MergeAsync(await StateOfAsync(client.GetWorkflowHandle(checkoutId), cancellationToken), checkoutId, client, cancellationToken)
            : await LatestAfterCloseAsync(checkoutId, description, cancellationToken);
        return new CheckoutReading(snapshot, description.HistoryLength, running);
    }

    /// <summary>The checkout workflow's description, or null when there is none or it belongs to another merchant.</summary>
    public async Task<WorkflowExecutionDescription?> DescribeOwnedAsync(string checkoutId, string? merchantId, CancellationToken cancellationToken)
    {
        try
        {
            var description = await client.GetWorkflowHandle(checkoutId).DescribeAsync(new() { Rpc = new() { CancellationToken = cancellationToken } });
            var owned = merchantId is null
                || (description.TypedSearchAttributes.TryGetValue(CheckoutSearchAttributes.MerchantId, out var owner) && owner == merchantId);
            return description.WorkflowType == nameof(CheckoutWorkflow) && owned ? description : null;
        }
        catch (RpcException ex) when (ex.Code == RpcException.StatusCode.NotFound)
        {
            return null;
        }
    }

    private static bool MayChangeStatus(HistoryEvent historyEvent) =>
        historyEvent.UpsertWorkflowSearchAttributesEventAttributes?.SearchAttributes?.IndexedFields.ContainsKey(CheckoutSearchAttributes.Status.Name) == true
        || WorkflowCloseEvents.IsClose(historyEvent);

    private static async Task<CheckoutSnapshot> QuerySnapshotAsync(WorkflowHandle handle, CancellationToken cancellationToken) =>
        await handle.QueryAsync<CheckoutSnapshot>(nameof(CheckoutWorkflow.Snapshot), [], new() { Rpc = new() { CancellationToken = cancellationToken } });

    /// <summary>A closed checkout's last state: its reconciliation's, if a late callback started one, else its own result.</summary>
    private async Task<CheckoutSnapshot> LatestAfterCloseAsync(string checkoutId, WorkflowExecutionDescription checkout, CancellationToken cancellationToken)
    {
        var rpc = new RpcOptions { CancellationToken = cancellationToken };
        var reconciliation = client.GetWorkflowHandle(CheckoutReconciliationWorkflow.IdFor(checkoutId));
        try
        {
            var description = await reconciliation.DescribeAsync(new() { Rpc = rpc });
            return description.Status == WorkflowExecutionStatus.Running
                ? await DeliveriesInFlight.MergeAsync(await StateOfAsync(reconciliation, cancellationToken), reconciliation.Id, client, cancellationToken)
                : await reconciliation.GetResultAsync<CheckoutSnapshot>(rpcOptions: rpc);
        }
        catch (RpcException ex) when (ex.Code == RpcException.StatusCode.NotFound)
        {
            var handle = client.GetWorkflowHandle(checkoutId);
            return checkout.Status == WorkflowExecutionStatus.Completed
                ? await handle.GetResultAsync<CheckoutSnapshot>(rpcOptions: rpc)
                : await StateOfAsync(handle, cancellationToken);
        }
    }

    /// <summary>
    /// A run's state from its history, replayed here (fetching a history is no Temporal action, a query
    /// is one). Only a history this release cannot replay (a worker newer than this API, mid-deploy) is queried.
    /// </summary>
    private async Task<CheckoutSnapshot> StateOfAsync(WorkflowHandle handle, CancellationToken cancellationToken)
    {
        var history = await handle.FetchHistoryAsync(new() { Rpc = new() { CancellationToken = cancellationToken } });
        try
        {
            return await ReplayedState.SnapshotAsync(history, client.Options.DataConverter, client.Options.Namespace)
                ?? await QuerySnapshotAsync(handle, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return await QuerySnapshotAsync(handle, cancellationToken);
        }
    }
}
