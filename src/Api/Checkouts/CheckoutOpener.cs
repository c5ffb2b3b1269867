using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Routing;
using CheckoutOrchestrator.ServiceDefaults;
using CheckoutOrchestrator.ServiceDefaults.Tracing;
using CheckoutOrchestrator.Workflows;
using CheckoutOrchestrator.Workflows.Opening;
using Microsoft.Extensions.Options;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Common;
using Temporalio.Exceptions;

namespace CheckoutOrchestrator.Api.Checkouts;

/// <summary>Opens a merchant's checkout: starts its workflow (or joins the one its reference already has) and follows its history to the session.</summary>
public sealed class CheckoutOpener
{
    /// <summary>Failures that prove the provider opened no session: the reference was never used there.</summary>
    private static readonly HashSet<string> RefusedBeforeAnySession =
        [ProviderErrorTypes.Rejected, ProviderErrorTypes.InvalidCheckoutRequest, ProviderErrorTypes.AuthenticationFailed, ProviderErrorTypes.NotConfigured];

    private readonly ITemporalClient client;
    private readonly TemporalSettings settings;
    private readonly CheckoutKeys keys;
    private readonly IOptions<ApiOptions> options;
    private readonly CheckoutReader reader;

    public CheckoutOpener(ITemporalClient client, TemporalSettings settings, CheckoutKeys keys, IOptions<ApiOptions> options, CheckoutReader reader)
    {
        this.client = client;
        this.settings = settings;
        this.keys = keys;
        this.options = options;
        this.reader = reader;
    }

    /// <summary>
    /// Starts the checkout's workflow, or joins the one already running for this merchant
    /// reference, and follows its history until the session is open (or could not be).
    /// </summary>
    public async Task<OpenOutcome> OpenAsync(CheckoutRequest request, IReadOnlyList<string>? leftOut, CancellationToken cancellationToken)
    {
        var open = OpenRequest.For(request, Guid.NewGuid().ToString("N"));
        foreach (var earlierId in keys.EarlierIdsFor(request.MerchantId, request.MerchantReference))
        {
            // Opened before the id key was rotated: that checkout is this reference's.
            if (await reader.FindAsync(earlierId, request.MerchantId, cancellationToken) is { } earlier)
            {
                return CheckoutOpening.AsItStands(earlierId, earlier, open);
            }
        }

        var checkoutId = keys.IdFor(request.MerchantId, request.MerchantReference);
        var profile = ProviderProfiles.For(request.Provider);
        var reference = profile.ReferenceFor(checkoutId, keys);
        var queue = settings.ProviderTaskQueue(request.Provider);

        // Failover stays on the first choice's task queue: a provider with a queue (a call budget) of its own is never an alternative.
        var alternatives = request.Alternatives?
            .Where(p => settings.ProviderTaskQueue(p) == queue)
            .Select(p => new ProviderRoute(p, ProviderProfiles.For(p).ReferenceFor(checkoutId, keys), ProviderProfiles.For(p).Capabilities, ProviderProfiles.For(p).PollPlan))
            .ToList();
        var input = new CheckoutWorkflowInput(
            checkoutId, request, open.Fingerprint, reference, profile.Capabilities, profile.PollPlan, queue, Alternatives: alternatives, EventIdsNameCheckout: true, LeftOut: leftOut);
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
            var outcome = await StartAndFollowAsync(input, start, open, wait.Token, cancellationToken);
            return outcome.Result == OpenResult.Conflict ? await ReuseRefusedAsync(input, start, open, wait.Token, cancellationToken) ?? outcome : outcome;
        }
        catch (WorkflowAlreadyStartedException)
        {
            return await ReuseRefusedAsync(input, start, open, wait.Token, cancellationToken)
                ?? CheckoutOpening.AsItStands(checkoutId, await reader.FindAsync(checkoutId, request.MerchantId, cancellationToken), open);
        }
        catch (Exception ex) when (wait.IsCancellationRequested && !cancellationToken.IsCancellationRequested
                                   && ex is OperationCanceledException or RpcException)
        {
            return new(OpenResult.StillOpening, checkoutId);
        }
    }

    private async Task<OpenOutcome> StartAndFollowAsync(
        CheckoutWorkflowInput input, WorkflowOptions start, OpenRequest open, CancellationToken wait, CancellationToken cancellationToken)
    {
        var started = await client.StartWorkflowAsync((CheckoutWorkflow wf) => wf.RunAsync(input), start);
        var run = client.GetWorkflowHandle(input.CheckoutId, runId: started.ResultRunId);
        using var span = CheckoutTracing.Source.StartActivity("FollowOpening:CheckoutWorkflow")?.SetTag("checkout.id", input.CheckoutId);
        return await OpeningHistory.ReadAsync(run, client.Options.DataConverter, open, wait)
            ?? CheckoutOpening.AsItStands(input.CheckoutId, await reader.FindAsync(input.CheckoutId, input.Request.MerchantId, cancellationToken), open);
    }

    /// <summary>
    /// A different request under a reference whose checkout the provider refused before opening
    /// anything: the reference is free, so once that checkout's run has closed (it may still be telling
    /// the merchant) the corrected request starts a new run under the same checkout id. Null when the
    /// reference is not free, or its run did not close within the wait.
    /// </summary>
    private async Task<OpenOutcome?> ReuseRefusedAsync(
        CheckoutWorkflowInput input, WorkflowOptions start, OpenRequest open, CancellationToken wait, CancellationToken cancellationToken)
    {
        var existing = await reader.FindAsync(input.CheckoutId, input.Request.MerchantId, cancellationToken);
        if (existing is not { CreateFailure.Type: { } failure } || !RefusedBeforeAnySession.Contains(failure) || open.IsSameAs(existing.RequestFingerprint))
        {
            return null;
        }

        try
        {
            await client.GetWorkflowHandle(input.CheckoutId).GetResultAsync<CheckoutSnapshot>(rpcOptions: new() { CancellationToken = wait });
        }
        catch (Exception ex) when (wait.IsCancellationRequested && ex is OperationCanceledException or RpcException)
        {
            return null;
        }

        start.IdReusePolicy = WorkflowIdReusePolicy.AllowDuplicate;
        start.IdConflictPolicy = WorkflowIdConflictPolicy.Fail;
        return await StartAndFollowAsync(input, start, open, wait, cancellationToken);
    }
}
