using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Routing;
using CheckoutOrchestrator.ServiceDefaults;
using CheckoutOrchestrator.ServiceDefaults.Tracing;
using CheckoutOrchestrator.Workflows;
using CheckoutOrchestrator.Workflows.Opening;
using Microsoft.Extensions.Options;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.History.V1;
using Temporalio.Client;
using Temporalio.Common;
using Temporalio.Exceptions;

namespace CheckoutOrchestrator.Api.Checkouts;

/// <summary>
/// The API's way into checkouts: open one, read it (waiting for its end if asked), cancel it.
/// Every read checks the checkout belongs to the calling merchant; another merchant's is "none".
/// </summary>
public sealed class CheckoutGateway
{
    private readonly ITemporalClient client;
    private readonly TemporalSettings settings;
    private readonly CheckoutKeys keys;
    private readonly IOptions<ApiOptions> options;
    private readonly IHostApplicationLifetime lifetime;

    public CheckoutGateway(ITemporalClient client, TemporalSettings settings, CheckoutKeys keys, IOptions<ApiOptions> options, IHostApplicationLifetime lifetime)
    {
        this.client = client;
        this.settings = settings;
        this.keys = keys;
        this.options = options;
        this.lifetime = lifetime;
    }

    /// <summary>
    /// Starts the checkout's workflow, or joins the one already running for this merchant
    /// reference, and follows its history until the session is open (or could not be).
    /// </summary>
    public async Task<OpenOutcome> OpenAsync(CheckoutRequest request, CancellationToken cancellationToken)
    {
        var open = OpenRequest.For(request, Guid.NewGuid().ToString("N"));
        foreach (var earlierId in keys.EarlierIdsFor(request.MerchantId, request.MerchantReference))
        {
            // Opened before the id key was rotated: that checkout is this reference's.
            if (await FindAsync(earlierId, request.MerchantId, cancellationToken) is { } earlier)
            {
                return CheckoutOpening.AsItStands(earlierId, earlier, open);
            }
        }

        var checkoutId = keys.IdFor(request.MerchantId, request.MerchantReference);
        var profile = ProviderProfiles.For(request.Provider);
        var reference = profile.ReferenceFor(checkoutId, keys);
        var queue = ProviderTaskQueue(request.Provider);

        // Failover stays on the first choice's task queue: a provider with a queue (a call budget) of its own is never an alternative.
        var alternatives = request.Alternatives?
            .Where(p => ProviderTaskQueue(p) == queue)
            .Select(p => new ProviderRoute(p, ProviderProfiles.For(p).ReferenceFor(checkoutId, keys), ProviderProfiles.For(p).Capabilities, ProviderProfiles.For(p).PollPlan))
            .ToList();
        var input = new CheckoutWorkflowInput(
            checkoutId, request, open.Fingerprint, reference, profile.Capabilities, profile.PollPlan, queue, Alternatives: alternatives, EventIdsNameCheckout: true);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(options.Value.SessionWait);
        var start = new WorkflowOptions(checkoutId, settings.TaskQueue)
        {
            IdConflictPolicy = WorkflowIdConflictPolicy.UseExisting,

            // A finished checkout is never run again under its reference; the API answers with its outcome.
            IdReusePolicy = WorkflowIdReusePolicy.RejectDuplicate,
            StaticSummary = $"{request.Provider} checkout {request.MerchantReference} for {request.Amount.Value} {request.Amount.Currency}",
            TypedSearchAttributes = new SearchAttributeCollection.Builder()
                .Set(CheckoutSearchAttributes.Status, nameof(PaymentStatus.Pending))
                .Set(CheckoutSearchAttributes.Provider, request.Provider.ToSlug())
                .Set(CheckoutSearchAttributes.MerchantId, request.MerchantId)
                .Set(CheckoutSearchAttributes.MerchantReference, request.MerchantReference)
                .Set(CheckoutSearchAttributes.ProviderKeys, [reference])

                // Set at start (free) so that needsReview=false and latePayment=false list the checkouts never flagged.
                .Set(CheckoutSearchAttributes.NeedsReview, false)
                .Set(CheckoutSearchAttributes.LatePayment, false)
                .Set(CheckoutSearchAttributes.FailedOver, false)
                .ToSearchAttributeCollection(),
            Memo = new Dictionary<string, object> { [OpeningHistory.StartedByMemo] = open.Id },
            Rpc = new() { CancellationToken = wait.Token },
        };

        try
        {
            var started = await client.StartWorkflowAsync((CheckoutWorkflow wf) => wf.RunAsync(input), start);
            var run = client.GetWorkflowHandle(checkoutId, runId: started.ResultRunId);
            using var span = CheckoutTracing.Source.StartActivity("WaitForSession:CheckoutWorkflow")?.SetTag("checkout.id", checkoutId);
            return await OpeningHistory.ReadAsync(run, client.Options.DataConverter, open, wait.Token)
                ?? CheckoutOpening.AsItStands(checkoutId, await FindAsync(checkoutId, request.MerchantId, cancellationToken), open);
        }
        catch (WorkflowAlreadyStartedException)
        {
            return CheckoutOpening.AsItStands(checkoutId, await FindAsync(checkoutId, request.MerchantId, cancellationToken), open);
        }
        catch (Exception ex) when (wait.IsCancellationRequested && !cancellationToken.IsCancellationRequested
                                   && ex is OperationCanceledException or RpcException)
        {
            return new(OpenResult.StillOpening, checkoutId);
        }
    }

    /// <summary>The merchant's checkout, or null when there is none (or it is another merchant's).</summary>
    public async Task<CheckoutSnapshot?> FindAsync(string checkoutId, string merchantId, CancellationToken cancellationToken) =>
        (await ReadAsync(checkoutId, merchantId, cancellationToken))?.Snapshot;

    /// <summary>
    /// Answers as soon as the checkout is final, or with its state when the wait runs out (or the API stops). It follows
    /// the workflow's history (which costs no Temporal action) and reads the checkout again only when
    /// its status search attribute moves.
    /// </summary>
    public async Task<CheckoutSnapshot?> WaitForFinalAsync(string checkoutId, string merchantId, TimeSpan wait, CancellationToken cancellationToken)
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
    /// Cancels the merchant's checkout through its workflow (see <see cref="CheckoutWorkflow.CancelAsync"/>).
    /// A checkout that has ended, or is already being cancelled, is answered from what it says,
    /// without an update: repeated cancels write nothing to its history.
    /// </summary>
    public async Task<CancelOutcome> CancelAsync(string checkoutId, string merchantId, string? reason, CancellationToken cancellationToken)
    {
        var description = await DescribeOwnedAsync(checkoutId, merchantId, cancellationToken);
        if (description is null)
        {
            return new(CancelResult.NotFound);
        }

        var listedFinal = description.TypedSearchAttributes.TryGetValue(CheckoutSearchAttributes.Status, out var listed)
            && Enum.TryParse<PaymentStatus>(listed, out var status) && status.IsTerminal();
        if (description.Status != WorkflowExecutionStatus.Running || listedFinal)
        {
            return await AsEndedAsync(checkoutId, merchantId, cancellationToken);
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(options.Value.SessionWait);
        try
        {
            var snapshot = await client.GetWorkflowHandle<CheckoutWorkflow>(checkoutId).ExecuteUpdateAsync(
                wf => wf.CancelAsync(new CancelRequest(reason)), new() { Rpc = new() { CancellationToken = wait.Token } });
            return new(CancelResult.Final, snapshot);
        }
        catch (WorkflowUpdateFailedException ex) when (ex.InnerException is ApplicationFailureException { ErrorType: CheckoutErrorTypes.AlreadySucceeded })
        {
            return new(CancelResult.AlreadySucceeded);
        }
        catch (WorkflowUpdateFailedException ex) when (ex.InnerException is ApplicationFailureException { ErrorType: CheckoutErrorTypes.AlreadyEnding })
        {
            // Another cancel is under way, or the checkout ended meanwhile: its end is the answer.
            var snapshot = await WaitForFinalAsync(checkoutId, merchantId, options.Value.SessionWait, cancellationToken);
            return snapshot is null ? new(CancelResult.NotFound) : snapshot.IsFinal ? Ended(snapshot) : new(CancelResult.StillCancelling);
        }
        catch (WorkflowUpdateFailedException)
        {
            // Accepted, then the run closed another way (completed, failed, timed out, terminated): Temporal fails the update.
            return await AsEndedAsync(checkoutId, merchantId, cancellationToken);
        }
        catch (WorkflowUpdateRpcTimeoutOrCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(CancelResult.StillCancelling);
        }
        catch (RpcException ex) when (ex.Code == RpcException.StatusCode.NotFound)
        {
            return await AsEndedAsync(checkoutId, merchantId, cancellationToken);
        }
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
        ReadAsync(checkoutId, merchantId: null, cancellationToken);

    /// <summary>
    /// Hands a callback for a closed checkout to its reconciliation: started with the checkout's
    /// last state, or joined if one is already running (signal-with-start).
    /// </summary>
    public async Task ReconcileAsync(CheckoutSnapshot closed, ProviderEvent providerEvent, CancellationToken cancellationToken)
    {
        var options = new WorkflowOptions(CheckoutReconciliationWorkflow.IdFor(closed.CheckoutId), settings.TaskQueue)
        {
            IdConflictPolicy = WorkflowIdConflictPolicy.UseExisting,
            StaticSummary = $"Reconciliation of {closed.Provider} checkout {closed.MerchantReference} ({closed.Status})",
            TypedSearchAttributes = new SearchAttributeCollection.Builder()
                .Set(CheckoutSearchAttributes.Status, closed.Status.ToString())
                .Set(CheckoutSearchAttributes.Provider, closed.Provider.ToSlug())
                .Set(CheckoutSearchAttributes.MerchantId, closed.MerchantId)
                .Set(CheckoutSearchAttributes.MerchantReference, closed.MerchantReference)
                .ToSearchAttributeCollection(),
            Rpc = new() { CancellationToken = cancellationToken },
        };
        options.SignalWithStart((CheckoutReconciliationWorkflow wf) => wf.ReceiveProviderEventAsync(providerEvent));
        var input = new ReconciliationInput(closed, ProviderProfiles.For(closed.Provider).Capabilities, ProviderTaskQueue(closed.Provider), EventIdsNameCheckout: true);
        await client.StartWorkflowAsync((CheckoutReconciliationWorkflow wf) => wf.RunAsync(input), options);
    }

    private static async Task<CheckoutSnapshot> QuerySnapshotAsync(WorkflowHandle handle, CancellationToken cancellationToken) =>
        await handle.QueryAsync<CheckoutSnapshot>(nameof(CheckoutWorkflow.Snapshot), [], new() { Rpc = new() { CancellationToken = cancellationToken } });

    private static CancelOutcome Ended(CheckoutSnapshot snapshot) =>
        new(snapshot.Status == PaymentStatus.Succeeded ? CancelResult.AlreadySucceeded : CancelResult.Final, snapshot);

    private static bool MayChangeStatus(HistoryEvent historyEvent) =>
        historyEvent.UpsertWorkflowSearchAttributesEventAttributes?.SearchAttributes?.IndexedFields.ContainsKey(CheckoutSearchAttributes.Status.Name) == true
        || WorkflowCloseEvents.IsClose(historyEvent);

    private async Task<CancelOutcome> AsEndedAsync(string checkoutId, string merchantId, CancellationToken cancellationToken) =>
        await FindAsync(checkoutId, merchantId, cancellationToken) is { } ended ? Ended(ended) : new(CancelResult.NotFound);

    private string? ProviderTaskQueue(PaymentProvider provider) =>
        ProviderProfiles.For(provider).TaskQueueBeside(settings.TaskQueue);

    /// <summary>
    /// Reads a checkout: a query of a running one; for a closed one its result, or what its
    /// reconciliation learned since. Describe (free) comes first, so another merchant's checkout is
    /// refused before anything is read from it.
    /// </summary>
    private async Task<CheckoutReading?> ReadAsync(string checkoutId, string? merchantId, CancellationToken cancellationToken)
    {
        var description = await DescribeOwnedAsync(checkoutId, merchantId, cancellationToken);
        if (description is null)
        {
            return null;
        }

        var running = description.Status == WorkflowExecutionStatus.Running;
        var snapshot = running
            ? await DeliveriesInFlight.MergeAsync(await QuerySnapshotAsync(client.GetWorkflowHandle(checkoutId), cancellationToken), checkoutId, client, cancellationToken)
            : await LatestAfterCloseAsync(checkoutId, description, cancellationToken);
        return new CheckoutReading(snapshot, description.HistoryLength, running);
    }

    /// <summary>A closed checkout's last state: its reconciliation's, if a late callback started one, else its own result.</summary>
    private async Task<CheckoutSnapshot> LatestAfterCloseAsync(string checkoutId, WorkflowExecutionDescription checkout, CancellationToken cancellationToken)
    {
        var rpc = new RpcOptions { CancellationToken = cancellationToken };
        var reconciliation = client.GetWorkflowHandle(CheckoutReconciliationWorkflow.IdFor(checkoutId));
        try
        {
            var description = await reconciliation.DescribeAsync(new() { Rpc = rpc });
            return description.Status == WorkflowExecutionStatus.Running
                ? await DeliveriesInFlight.MergeAsync(await QuerySnapshotAsync(reconciliation, cancellationToken), reconciliation.Id, client, cancellationToken)
                : await reconciliation.GetResultAsync<CheckoutSnapshot>(rpcOptions: rpc);
        }
        catch (RpcException ex) when (ex.Code == RpcException.StatusCode.NotFound)
        {
            var handle = client.GetWorkflowHandle(checkoutId);
            return checkout.Status == WorkflowExecutionStatus.Completed
                ? await handle.GetResultAsync<CheckoutSnapshot>(rpcOptions: rpc)
                : await QuerySnapshotAsync(handle, cancellationToken);
        }
    }

    /// <summary>The checkout workflow's description, or null when there is none or it belongs to another merchant.</summary>
    private async Task<WorkflowExecutionDescription?> DescribeOwnedAsync(string checkoutId, string? merchantId, CancellationToken cancellationToken)
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
}
