using CheckoutOrchestrator.Api.Webhooks;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Workflows;
using Microsoft.Extensions.Options;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Exceptions;

namespace CheckoutOrchestrator.Api.Checkouts;

/// <summary>Cancels a merchant's checkout through its workflow; a checkout that has ended is answered from what it says.</summary>
public sealed class CheckoutCanceller
{
    private readonly ITemporalClient client;
    private readonly IOptions<ApiOptions> options;
    private readonly CheckoutReader reader;
    private readonly CallbackRelay relay;

    public CheckoutCanceller(ITemporalClient client, IOptions<ApiOptions> options, CheckoutReader reader, CallbackRelay relay)
    {
        this.client = client;
        this.options = options;
        this.reader = reader;
        this.relay = relay;
    }

    /// <summary>
    /// Cancels the merchant's checkout through its workflow (see <see cref="CheckoutWorkflow.CancelAsync"/>).
    /// A checkout that has ended, or is already being cancelled, is answered from what it says,
    /// without an update: repeated cancels write nothing to its history.
    /// </summary>
    public async Task<CancelOutcome> CancelAsync(string checkoutId, string merchantId, string? reason, CancellationToken cancellationToken)
    {
        var description = await reader.DescribeOwnedAsync(checkoutId, merchantId, cancellationToken);
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

        // The cancel's last lookup may ask by a payment id held progress names: it reaches the checkout first.
        await relay.SendHeldAsync(checkoutId, cancellationToken);
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
            var snapshot = await reader.WaitForFinalAsync(checkoutId, merchantId, options.Value.SessionWait, cancellationToken);
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

    private static CancelOutcome Ended(CheckoutSnapshot snapshot) =>
        new(snapshot.Status == PaymentStatus.Succeeded ? CancelResult.AlreadySucceeded : CancelResult.Final, snapshot);

    private async Task<CancelOutcome> AsEndedAsync(string checkoutId, string merchantId, CancellationToken cancellationToken) =>
        await reader.FindAsync(checkoutId, merchantId, cancellationToken) is { } ended ? Ended(ended) : new(CancelResult.NotFound);
}
