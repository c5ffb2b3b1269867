using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Workflows.Rules;
using Temporalio.Workflows;

namespace CheckoutOrchestrator.Workflows;

/// <summary>
/// A checkout's workflow closes a day after an unpaid end. A provider callback after that is still
/// read: the API starts this workflow with signal-with-start (one per checkout, so later callbacks
/// join it). It weighs callbacks by the same <see cref="Checkout"/> rules the checkout used after
/// its end, records a late payment or a review note, tells the merchant and counts it in the same
/// metrics, and closes after an hour without word from the provider. Unauthenticated callbacks
/// never keep it open, and a long run goes on in a new one when Temporal suggests it.
/// </summary>
[Workflow(TypeName)]
public sealed class CheckoutReconciliationWorkflow
{
    /// <summary>Its workflow type in every history and visibility query (fixed since 1.0).</summary>
    public const string TypeName = "CheckoutReconciliation";

    public static readonly TimeSpan QuietPeriod = TimeSpan.FromHours(1);

    private const string IdSuffix = "-reconciliation";

    private readonly ReconciliationInput input;
    private readonly CheckoutSteps steps;
    private DateTimeOffset quietUntil;

    [WorkflowInit]
    public CheckoutReconciliationWorkflow(ReconciliationInput input)
    {
        this.input = input;
        var closed = input.Checkout;
        steps = new(
            Checkout.Resume(CheckoutTerms.Of(closed, input.Capabilities, PollPlan.Standard) with { Changes = PatchedRules.Instance }, closed),
            input.ProviderTaskQueue,
            Published.AllOf(closed),
            closed.Notifications,
            input.EventIdsNameCheckout);
        quietUntil = Workflow.UtcNow + QuietPeriod;
    }

    /// <summary>The checkout as it ended, with what was learned since.</summary>
    [WorkflowQuery]
    public CheckoutSnapshot Snapshot => steps.Snapshot;

    public static string IdFor(string checkoutId) => checkoutId + IdSuffix;

    /// <summary>The checkout a workflow id belongs to: the id itself, or the checkout a reconciliation's id names.</summary>
    public static string CheckoutIdOf(string workflowId) =>
        workflowId.EndsWith(IdSuffix, StringComparison.Ordinal) ? workflowId[..^IdSuffix.Length] : workflowId;

    [WorkflowRun]
    public async Task<CheckoutSnapshot> RunAsync(ReconciliationInput input)
    {
        // The quiet period moves with every authenticated callback; its timer follows only when it rings (one timer, not one per callback).
        var quietCheckAt = quietUntil;
        while (true)
        {
            if (Workflow.UtcNow >= quietCheckAt)
            {
                if (Workflow.UtcNow >= quietUntil && steps.Checkout.LookupDue(Workflow.UtcNow) is null)
                {
                    break;
                }

                quietCheckAt = quietUntil > Workflow.UtcNow ? quietUntil : Workflow.UtcNow;
            }

            if (steps.MayContinueAsNew)
            {
                steps.StopWaiting();
                var continued = input with { Checkout = Snapshot };
                throw Workflow.CreateContinueAsNewException((CheckoutReconciliationWorkflow wf) => wf.RunAsync(continued));
            }

            var wakeAt = steps.Checkout.NextWakeUp();
            await steps.WaitForNewsAsync(wakeAt < quietCheckAt ? wakeAt : quietCheckAt, wakeToContinueAsNew: true);
            await steps.LookUpIfDueAsync();
            steps.Publish(listProgress: true);
        }

        steps.StopWaiting();
        await Workflow.WaitConditionAsync(() => Workflow.AllHandlersFinished && steps.Notifier.Idle);
        return Snapshot;
    }

    /// <summary>
    /// An operator's resolution of a review note, written to this history. Taken while the checkout is
    /// open or watching; after its workflow has closed, its reconciliation takes it.
    /// </summary>
    [WorkflowUpdate]
    public Task<CheckoutSnapshot> ResolveReviewAsync(ReviewResolutionRequest request) => Task.FromResult(steps.Resolve(request));

    [WorkflowUpdateValidator(nameof(ResolveReviewAsync))]
    public void ValidateResolveReview(ReviewResolutionRequest request)
    {
        if (CheckoutRefusals.ForResolution(Snapshot.ReviewNotes, request.Reason) is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>A provider callback, after those held for it; only an authenticated one keeps the reconciliation open longer.</summary>
    [WorkflowSignal]
    public Task ReceiveProviderEventAsync(ProviderEvent providerEvent)
    {
        foreach (var arrival in providerEvent.Arrivals())
        {
            steps.Take(arrival);
            if (!arrival.IsHint)
            {
                quietUntil = Workflow.UtcNow + QuietPeriod;
            }
        }

        return Task.CompletedTask;
    }
}
