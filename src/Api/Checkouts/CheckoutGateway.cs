using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.ServiceDefaults;
using CheckoutOrchestrator.Workflows;
using Microsoft.Extensions.Options;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Common;
using Temporalio.Exceptions;

namespace CheckoutOrchestrator.Api.Checkouts;

/// <summary>The API's only way into Temporal: open a checkout, read one, tell one what a provider said.</summary>
public sealed class CheckoutGateway
{
    private readonly ITemporalClient client;
    private readonly TemporalSettings settings;
    private readonly IOptions<ApiOptions> options;

    public CheckoutGateway(ITemporalClient client, TemporalSettings settings, IOptions<ApiOptions> options)
    {
        this.client = client;
        this.settings = settings;
        this.options = options;
    }

    /// <summary>
    /// Starts the checkout's workflow, or joins the one already running for this merchant
    /// reference, and waits (one round trip) until its session is open.
    /// </summary>
    public async Task<OpenOutcome> OpenAsync(CheckoutRequest request, CancellationToken cancellationToken)
    {
        var checkoutId = CheckoutIds.For(request.MerchantId, request.MerchantReference);
        var fingerprint = CheckoutFingerprint.Of(request);
        var input = new CheckoutWorkflowInput(checkoutId, request, fingerprint, ProviderProfiles.For(request.Provider).Capabilities);
        var start = WithStartWorkflowOperation.Create(
            (CheckoutWorkflow wf) => wf.RunAsync(input),
            new WorkflowOptions(checkoutId, settings.TaskQueue)
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
                    .ToSearchAttributeCollection(),
            });

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(options.Value.SessionWait);
        try
        {
            var snapshot = await client.ExecuteUpdateWithStartWorkflowAsync(
                (CheckoutWorkflow wf) => wf.WaitForSessionAsync(fingerprint),
                new WorkflowUpdateWithStartOptions(start) { Rpc = new() { CancellationToken = wait.Token } });
            return new(OpenResult.Opened, checkoutId, snapshot);
        }
        catch (WorkflowUpdateFailedException ex) when (ex.InnerException is ApplicationFailureException { ErrorType: CheckoutErrorTypes.Conflict })
        {
            return new(OpenResult.Conflict, checkoutId);
        }
        catch (WorkflowUpdateFailedException ex) when (ex.InnerException is ApplicationFailureException failure)
        {
            return new(OpenResult.Failed, checkoutId, Failure: FailureOf(failure));
        }
        catch (WorkflowUpdateRpcTimeoutOrCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(OpenResult.StillOpening, checkoutId);
        }
        catch (WorkflowAlreadyStartedException)
        {
            return await FinishedAsync(checkoutId, fingerprint, cancellationToken);
        }
    }

    /// <summary>The checkout's current state, or null when there is no such checkout.</summary>
    public async Task<CheckoutSnapshot?> FindAsync(string checkoutId, CancellationToken cancellationToken)
    {
        var handle = client.GetWorkflowHandle<CheckoutWorkflow, CheckoutSnapshot>(checkoutId);
        var rpc = new RpcOptions { CancellationToken = cancellationToken };
        try
        {
            var description = await handle.DescribeAsync(new() { Rpc = rpc });
            return description.Status == WorkflowExecutionStatus.Completed
                ? await handle.GetResultAsync(rpcOptions: rpc)
                : await handle.QueryAsync(wf => wf.Snapshot, new() { Rpc = rpc });
        }
        catch (RpcException ex) when (ex.Code == RpcException.StatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Delivers a provider event. False when the checkout does not exist.</summary>
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
            return await ExistsAsync(checkoutId, cancellationToken) ? SignalResult.AlreadyFinished : SignalResult.UnknownCheckout;
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

    private static CheckoutFailure FailureOf(ApplicationFailureException failure) =>
        failure.Details.Count > 0 ? failure.Details.ElementAt<CheckoutFailure>(0) : new(failure.ErrorType ?? ProviderErrorTypes.Unavailable, failure.Message);

    private async Task<bool> ExistsAsync(string checkoutId, CancellationToken cancellationToken)
    {
        try
        {
            await client.GetWorkflowHandle(checkoutId).DescribeAsync(new() { Rpc = new() { CancellationToken = cancellationToken } });
            return true;
        }
        catch (RpcException ex) when (ex.Code == RpcException.StatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>A retry of a checkout that has already finished gets that checkout's outcome.</summary>
    private async Task<OpenOutcome> FinishedAsync(string checkoutId, string fingerprint, CancellationToken cancellationToken)
    {
        var snapshot = await FindAsync(checkoutId, cancellationToken);
        return snapshot switch
        {
            null => new(OpenResult.StillOpening, checkoutId),
            { RequestFingerprint: var existing } when existing != fingerprint => new(OpenResult.Conflict, checkoutId),
            { CreateFailure: { } failure } => new(OpenResult.Failed, checkoutId, snapshot, failure),
            _ => new(OpenResult.Opened, checkoutId, snapshot),
        };
    }
}
