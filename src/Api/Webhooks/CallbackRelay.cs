using CheckoutOrchestrator.Api.Checkouts;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Workflows;
using Temporalio.Client;
using Temporalio.Exceptions;

namespace CheckoutOrchestrator.Api.Webhooks;

/// <summary>Takes what a provider said to the checkout it concerns, found by our id or by the provider's.</summary>
public sealed class CallbackRelay
{
    private readonly ITemporalClient client;
    private readonly CheckoutGateway checkouts;

    public CallbackRelay(ITemporalClient client, CheckoutGateway checkouts)
    {
        this.client = client;
        this.checkouts = checkouts;
    }

    /// <summary>
    /// Delivers a provider event to its checkout. A checkout whose workflow has closed unpaid still
    /// reads it, through its reconciliation; only a paid one ignores it.
    /// </summary>
    public async Task<SignalResult> SignalAsync(string checkoutId, ProviderEvent providerEvent, CancellationToken cancellationToken)
    {
        var handle = client.GetWorkflowHandle<CheckoutWorkflow>(checkoutId);
        try
        {
            await handle.SignalAsync(wf => wf.ReceiveProviderEventAsync(providerEvent), new() { Rpc = new() { CancellationToken = cancellationToken } });
            return SignalResult.Delivered;
        }
        catch (RpcException ex) when (ex.Code == RpcException.StatusCode.NotFound)
        {
            // Temporal answers NotFound both for no such workflow and for one that has finished.
            var closed = await checkouts.ReadForCallbackAsync(checkoutId, cancellationToken);
            if (closed is null)
            {
                return SignalResult.UnknownCheckout;
            }

            if (closed.Snapshot.Status == PaymentStatus.Succeeded)
            {
                return SignalResult.AlreadyFinished;
            }

            await checkouts.ReconcileAsync(closed.Snapshot, providerEvent, cancellationToken);
            return SignalResult.Reconciling;
        }
    }

    /// <summary>The checkout whose provider session carries one of these ids (account-level webhooks).</summary>
    public async Task<string?> FindBySessionKeyAsync(IReadOnlyList<string> sessionKeys, CancellationToken cancellationToken)
    {
        // The keys come from an unauthenticated payload: only plain ids ever reach the visibility query.
        foreach (var key in sessionKeys.Where(IsPlainId))
        {
            var query = $"{CheckoutSearchAttributes.ProviderKeys.Name} = '{key}'";
            await foreach (var execution in client.ListWorkflowsAsync(query, new() { Limit = 1, Rpc = new() { CancellationToken = cancellationToken } }))
            {
                return execution.Id;
            }
        }

        return null;
    }

    private static bool IsPlainId(string key) =>
        key.Length is > 0 and <= 128 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':');
}
