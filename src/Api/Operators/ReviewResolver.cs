using CheckoutOrchestrator.Api.Checkouts;
using CheckoutOrchestrator.ServiceDefaults;
using CheckoutOrchestrator.Workflows;
using Temporalio.Client;
using Temporalio.Exceptions;

namespace CheckoutOrchestrator.Api.Operators;

/// <summary>
/// Writes an operator's resolution to the checkout's history as an update: to the checkout's own
/// workflow while it runs, else to its reconciliation (started for it if none runs, update-with-start).
/// </summary>
public sealed class ReviewResolver
{
    private readonly ITemporalClient client;
    private readonly TemporalSettings settings;
    private readonly CheckoutReader reader;

    public ReviewResolver(ITemporalClient client, TemporalSettings settings, CheckoutReader reader)
    {
        this.client = client;
        this.settings = settings;
        this.reader = reader;
    }

    public Task<ReviewResolutionResult> ResolveAsync(string checkoutId, ReviewResolutionRequest request, CancellationToken cancellationToken) =>
        ResolveAsync(checkoutId, request, retried: false, cancellationToken);

    private static bool IsClosedMeanwhile(Exception ex) =>
        ex is RpcException { Code: RpcException.StatusCode.NotFound } || (ex is WorkflowUpdateFailedException && ex.InnerException is not ApplicationFailureException);

    private async Task<ReviewResolutionResult> ResolveAsync(string checkoutId, ReviewResolutionRequest request, bool retried, CancellationToken cancellationToken)
    {
        var reading = await reader.ReadAsync(checkoutId, merchantId: null, cancellationToken);
        if (reading is null)
        {
            return new(null, null);
        }

        if (CheckoutRefusals.ForResolution(reading.Snapshot.ReviewNotes, request.Reason) is { } refusal)
        {
            return new(null, refusal.ErrorType);
        }

        try
        {
            return new(reading.IsRunning ? await UpdateRunningAsync(checkoutId, request, cancellationToken) : await ReconcileAsync(reading.Snapshot, request, cancellationToken), null);
        }
        catch (WorkflowUpdateFailedException ex) when (ex.InnerException is ApplicationFailureException { ErrorType: { } type })
        {
            return new(null, type);
        }
        catch (Exception ex) when (!retried && reading.IsRunning && IsClosedMeanwhile(ex))
        {
            // The checkout closed while the update was on its way: read it again and reconcile.
            return await ResolveAsync(checkoutId, request, retried: true, cancellationToken);
        }
    }

    private Task<CheckoutSnapshot> UpdateRunningAsync(string checkoutId, ReviewResolutionRequest request, CancellationToken cancellationToken) =>
        client.GetWorkflowHandle<CheckoutWorkflow>(checkoutId)
            .ExecuteUpdateAsync(wf => wf.ResolveReviewAsync(request), new() { Rpc = new() { CancellationToken = cancellationToken } });

    private Task<CheckoutSnapshot> ReconcileAsync(CheckoutSnapshot closed, ReviewResolutionRequest request, CancellationToken cancellationToken)
    {
        var input = ReconciliationStart.Input(settings, closed);
        var start = WithStartWorkflowOperation.Create(
            (CheckoutReconciliationWorkflow wf) => wf.RunAsync(input), ReconciliationStart.Options(settings, closed, cancellationToken: null));
        return client.ExecuteUpdateWithStartWorkflowAsync(
            (CheckoutReconciliationWorkflow wf) => wf.ResolveReviewAsync(request),
            new WorkflowUpdateWithStartOptions(start) { Rpc = new() { CancellationToken = cancellationToken } });
    }
}

/// <summary>The checkout with the resolution written, or why not: no checkout (both null), or a refusal's error type.</summary>
public sealed record ReviewResolutionResult(CheckoutSnapshot? Resolved, string? Refused);
