using CheckoutOrchestrator.Api.Checkouts;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Telemetry;
using CheckoutOrchestrator.Workflows;
using Microsoft.Extensions.Options;
using Temporalio.Client;
using Temporalio.Exceptions;

namespace CheckoutOrchestrator.Api.Webhooks;

/// <summary>
/// Takes what a provider said to the checkout it concerns: an authenticated callback to the checkout
/// its token names, a hint to the checkouts the provider's ids find, within the hint's budget.
/// </summary>
public sealed class CallbackRelay
{
    private readonly ITemporalClient client;
    private readonly CallbackTargets checkouts;
    private readonly CheckoutGate gate;
    private readonly SessionKeySearch search;
    private readonly ProgressHold hold;
    private readonly IOptions<WebhookOptions> options;
    private readonly ILogger<CallbackRelay> logger;

    public CallbackRelay(
        ITemporalClient client,
        CallbackTargets checkouts,
        [FromKeyedServices(CheckoutGate.Hints)] CheckoutGate gate,
        SessionKeySearch search,
        ProgressHold hold,
        IOptions<WebhookOptions> options,
        ILogger<CallbackRelay> logger)
    {
        this.search = search;
        this.hold = hold;
        this.client = client;
        this.checkouts = checkouts;
        this.gate = gate;
        this.options = options;
        this.logger = logger;
    }

    /// <summary>
    /// Delivers a provider event to its checkout, with the word of progress held for it; bare progress
    /// is itself held to travel with the next (see <see cref="ProgressHold"/>). A checkout whose
    /// workflow has closed unpaid still reads it, through its reconciliation; only a paid one ignores it.
    /// </summary>
    public async Task<SignalResult> SignalAsync(string checkoutId, ProviderEvent providerEvent, CancellationToken cancellationToken)
    {
        providerEvent = providerEvent.Bounded();
        if (providerEvent.IsBareProgress && hold.TryHold(checkoutId, providerEvent))
        {
            return SignalResult.Held;
        }

        return await DeliverAsync(checkoutId, hold.Take(checkoutId), providerEvent, cancellationToken);
    }

    /// <summary>
    /// Word of progress past the door's budget for the minute: kept only beside progress already held
    /// for the checkout (it then costs no signal), else dropped like a coalesced hint. Returns whether it was kept.
    /// </summary>
    public bool HoldAlong(string checkoutId, ProviderEvent providerEvent)
    {
        providerEvent = providerEvent.Bounded();
        return providerEvent.IsBareProgress && hold.TryHoldAlong(checkoutId, providerEvent);
    }

    /// <summary>Sends what is held for the checkout in one signal of its own, now (its time is up, or something must not wait for it).</summary>
    public async Task SendHeldAsync(string checkoutId, CancellationToken cancellationToken)
    {
        var held = hold.Take(checkoutId);
        if (held.Count > 0)
        {
            await DeliverAsync(checkoutId, held, null, cancellationToken);
        }
    }

    /// <summary>
    /// Passes a callback to the provider's checkouts whose session carries its best id: for
    /// account-level webhooks, and for callbacks without a valid token. Normally one; an id two
    /// sessions share (a short numeric order id) finds both, and each weighs the callback for itself.
    /// Returns how many checkouts it found.
    /// </summary>
    public async Task<int> RelayBySessionKeysAsync(PaymentProvider provider, IReadOnlyList<string> sessionKeys, ProviderEvent providerEvent, CancellationToken cancellationToken)
    {
        var found = await search.FindAsync(provider, sessionKeys).WaitAsync(cancellationToken);
        foreach (var checkoutId in found.Where(CheckoutIds.IsWellFormed))
        {
            await (providerEvent.IsHint ? RelayHintAsync(checkoutId, providerEvent, cancellationToken) : SignalAsync(checkoutId, providerEvent, cancellationToken));
        }

        return found.Count;
    }

    private async Task<SignalResult> DeliverAsync(string checkoutId, IReadOnlyList<ProviderEvent> held, ProviderEvent? next, CancellationToken cancellationToken)
    {
        IReadOnlyList<ProviderEvent> arrivals = next is null ? held : [.. held, next];
        var carrier = arrivals[^1] with { Earlier = arrivals.Count > 1 ? arrivals.Take(arrivals.Count - 1).ToList() : null };
        try
        {
            var result = await SignalOrReconcileAsync(checkoutId, carrier, cancellationToken);
            if (held.Count > 0)
            {
                CallbackInstruments.HeldProgressDelivered(held.Count, carried: next is not null);
            }

            return result;
        }
        catch when (held.Count > 0)
        {
            // The caller learns of the failure; what was held for it is not lost with it.
            hold.GiveBack(checkoutId, held);
            throw;
        }
    }

    private async Task<SignalResult> SignalOrReconcileAsync(string checkoutId, ProviderEvent providerEvent, CancellationToken cancellationToken)
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
    /// Passes an unauthenticated callback on as a hint: at most once per interval per checkout from
    /// this instance, and not once the checkout's history is as long as the budget allows. Nothing
    /// about the outcome is told to the caller.
    /// </summary>
    private async Task RelayHintAsync(string checkoutId, ProviderEvent hint, CancellationToken cancellationToken)
    {
        if (!gate.TryPass(checkoutId))
        {
            return;
        }

        var length = await checkouts.HistoryLengthAsync(checkoutId, cancellationToken);
        if (length >= options.Value.HintHistoryBudget)
        {
            logger.LogWarning(
                "Checkout {CheckoutId} has {HistoryLength} history events: unauthenticated callbacks no longer reach it (budget {Budget})",
                checkoutId,
                length,
                options.Value.HintHistoryBudget);
            return;
        }

        await SignalAsync(checkoutId, hint.AsHint(), cancellationToken);
    }
}
