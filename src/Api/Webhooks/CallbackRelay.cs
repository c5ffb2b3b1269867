using CheckoutOrchestrator.Api.Checkouts;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Workflows;
using Temporalio.Client;
using Temporalio.Exceptions;

namespace CheckoutOrchestrator.Api.Webhooks;

/// <summary>Takes what a provider said to the checkout it concerns, found by our id or by the provider's.</summary>
public sealed class CallbackRelay
{
    private const int MaxCheckoutsPerKey = 5;

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

    /// <summary>
    /// The provider's checkouts whose session carries one of these ids: for account-level webhooks,
    /// and for callbacks that lost our query string. Normally one; an id two sessions share (a short
    /// numeric order id) finds both, and each weighs the callback for itself.
    /// </summary>
    public async Task<IReadOnlyList<string>> FindBySessionKeysAsync(PaymentProvider provider, IReadOnlyList<string> sessionKeys, CancellationToken cancellationToken)
    {
        // The keys come from an unauthenticated payload: only plain ids ever reach the visibility query.
        var found = new List<string>();
        foreach (var key in sessionKeys.Where(IsPlainId))
        {
            var query = $"{CheckoutSearchAttributes.ProviderKeys.Name} = '{key}' AND {CheckoutSearchAttributes.Provider.Name} = '{provider.ToSlug()}' AND WorkflowType = '{nameof(CheckoutWorkflow)}'";
            await foreach (var execution in client.ListWorkflowsAsync(query, new() { Limit = MaxCheckoutsPerKey, Rpc = new() { CancellationToken = cancellationToken } }))
            {
                found.Add(execution.Id);
            }

            if (found.Count > 0)
            {
                return [.. found.Distinct(StringComparer.Ordinal)];
            }
        }

        return found;
    }

    private static bool IsPlainId(string key) =>
        key.Length is > 0 and <= 128 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':');
}
