using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Workflows.Contracts;
using CheckoutOrchestrator.Workflows.Opening;
using CheckoutOrchestrator.Workflows.Rules;
using Temporalio.Common;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace CheckoutOrchestrator.Workflows;

/// <summary>
/// One checkout: open the provider's session, follow the payment to one final status from callbacks,
/// lookups, a cancel and the deadline, tell the merchant, and, if it ended unpaid, keep watching for
/// money that moves after all. What counts and when is decided by <see cref="Checkout"/>; this class
/// only waits, calls activities and publishes what changed.
/// </summary>
[Workflow]
public sealed class CheckoutWorkflow
{
    private readonly CheckoutWorkflowInput input;
    private readonly CheckoutSteps steps;
    private readonly Queue<ProviderEvent> beforeOpen = new();

    [WorkflowInit]
    public CheckoutWorkflow(CheckoutWorkflowInput input)
    {
        this.input = input;
        steps = input.Watch is { } watch
            ? new(
                Checkout.Resume(CheckoutTerms.Of(input, watch.Checkout.CreatedAt) with { Changes = PatchedRules.Instance }, watch.Checkout, watch.Until, watch.Lookups),
                input.ProviderTaskQueue,
                Published.AllOf(watch.Checkout),
                watch.Checkout.Notifications,
                input.EventIdsNameCheckout)
            : input.Open is { } open
            ? new(
                Checkout.Continue(CheckoutTerms.Of(input, open.Checkout.CreatedAt) with { Changes = PatchedRules.Instance }, open.Checkout, open.Carry),
                input.ProviderTaskQueue,
                open.Published,
                open.Checkout.Notifications,
                input.EventIdsNameCheckout)
            : new(
                Checkout.Start(CheckoutTerms.Of(input, CheckoutOpening.CreatedAt(Workflow.Info.WorkflowStartTime)) with { Changes = PatchedRules.Instance }),
                input.ProviderTaskQueue,
                Published.AtStart,
                eventIdsNameCheckout: input.EventIdsNameCheckout);
    }

    [WorkflowQuery]
    public CheckoutSnapshot Snapshot => steps.Snapshot;

    private Checkout Checkout => steps.Checkout;

    [WorkflowRun]
    public async Task<CheckoutSnapshot> RunAsync(CheckoutWorkflowInput input)
    {
        if (input.Watch is null)
        {
            if (input.Open is not null || await OpenSessionAsync())
            {
                await FollowPaymentAsync();
            }

            if (Checkout.Session is not null && Checkout.Status != PaymentStatus.Succeeded)
            {
                Checkout.BeginWatch(Workflow.UtcNow);
            }
        }

        if (Checkout.WatchUntil is not null)
        {
            await WatchForLatePaymentAsync();
        }

        // An operator's resolution may come as the watch ends: its event is delivered before the run closes.
        await Workflow.WaitConditionAsync(() => Workflow.AllHandlersFinished && steps.Notifier.Idle);
        return Snapshot;
    }

    /// <summary>
    /// Stops an unpaid checkout, after one last lookup so that a payment that beat the cancel is a
    /// success. Only the first cancel of a running checkout is accepted; the API answers any other
    /// from the checkout as it stands, so repeated cancels write nothing to its history.
    /// </summary>
    [WorkflowUpdate]
    public async Task<CheckoutSnapshot> CancelAsync(CancelRequest request)
    {
        Checkout.RequestCancel(request);
        steps.MarkNews();
        await Workflow.WaitConditionAsync(() => Checkout.IsFinal);
        return Checkout.Status == PaymentStatus.Succeeded ? throw CheckoutRefusals.AlreadySucceeded() : Snapshot;
    }

    [WorkflowUpdateValidator(nameof(CancelAsync))]
    public void ValidateCancel(CancelRequest request)
    {
        if (Checkout.Status == PaymentStatus.Succeeded)
        {
            throw CheckoutRefusals.AlreadySucceeded();
        }

        if (Checkout.IsFinal || Checkout.CancelRequested)
        {
            throw CheckoutRefusals.AlreadyEndingOrEnded();
        }
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

    /// <summary>A provider callback, after those held for it. Nothing an unauthenticated one carries but the status it claims is kept.</summary>
    [WorkflowSignal]
    public Task ReceiveProviderEventAsync(ProviderEvent providerEvent)
    {
        foreach (var arrival in providerEvent.Arrivals())
        {
            if (Checkout.Session is not null)
            {
                steps.Take(arrival);
            }
            else if (!arrival.IsHint)
            {
                // A provider can call back before the create's answer is in: read it once the session is.
                beforeOpen.Enqueue(arrival);
            }
        }

        return Task.CompletedTask;
    }

    private async Task<bool> OpenSessionAsync()
    {
        CheckoutMetrics.Started(input.Request.Provider);
        ProviderSession session;
        try
        {
            session = await Workflow.ExecuteActivityAsync(
                (IProviderActivities a) => a.CreateSessionAsync(new CreateSessionInput(input.CheckoutId, input.Request, input.ProviderReference, input.Alternatives)),
                ProviderCalls.Create(input.Capabilities, input.ProviderTaskQueue));
        }
        catch (ActivityFailureException failure)
        {
            Checkout.OpenFailed(CheckoutFailure.FromActivity(failure), Workflow.UtcNow);
            steps.Publish(listProgress: true);
            return false;
        }

        Checkout.Opened(session, Workflow.UtcNow);
        while (beforeOpen.TryDequeue(out var early))
        {
            steps.Take(early);
        }

        steps.Publish(listProgress: true, [SessionKeys(session), .. FailedOver()]);
        return true;
    }

    private async Task FollowPaymentAsync()
    {
        while (!Checkout.IsFinal)
        {
            // A long history (a flood on a leaked callback URL) goes on in a new run, carrying the rules' state.
            if (steps.MayContinueAsNew && Workflow.AllHandlersFinished && Workflow.Patched("open-phase-continues-as-new"))
            {
                steps.StopWaiting();
                var continued = input.ForNextRun() with { Open = new ContinuedCheckout(Snapshot, Checkout.Carry(), steps.Published) };
                throw Workflow.CreateContinueAsNewException((CheckoutWorkflow wf) => wf.RunAsync(continued));
            }

            var wakeAt = Checkout.NextWakeUp();
            await steps.WaitForNewsAsync(wakeAt, wakeToContinueAsNew: true);
            var onSchedule = Workflow.UtcNow >= wakeAt;
            await steps.LookUpIfDueAsync();

            Checkout.Advance(Workflow.UtcNow);

            // Progress a callback brought is listed at the next scheduled wake-up, so one write says what several callbacks did.
            steps.Publish(listProgress: onSchedule);
        }

        steps.StopWaiting();
    }

    /// <summary>
    /// Keeps reading callbacks, and asks the provider once more, for a while after an unpaid end: a
    /// session the provider keeps open can still be paid, and that money must not go unseen. A long
    /// watch under many callbacks goes on in a new run when Temporal suggests it.
    /// </summary>
    private async Task WatchForLatePaymentAsync()
    {
        while (!Checkout.WatchOver(Workflow.UtcNow))
        {
            if (steps.MayContinueAsNew)
            {
                steps.StopWaiting();
                var watch = new ContinuedWatch(Snapshot, Checkout.WatchUntil!.Value, Checkout.PendingWatchLookups);
                var continued = input.ForNextRun() with { Watch = watch, Open = null };
                throw Workflow.CreateContinueAsNewException((CheckoutWorkflow wf) => wf.RunAsync(continued));
            }

            await steps.WaitForNewsAsync(Checkout.NextWakeUp(), wakeToContinueAsNew: true);
            await steps.LookUpIfDueAsync();

            steps.Publish(listProgress: true);
        }

        steps.StopWaiting();
    }

    /// <summary>Where a checkout that named no provider opened elsewhere than its first choice: the list filters by both.</summary>
    private SearchAttributeUpdate[] FailedOver() => Snapshot.Routing is { FailedOver: true }
        ? [CheckoutSearchAttributes.Provider.ValueSet(Snapshot.Provider.ToSlug()), CheckoutSearchAttributes.FailedOver.ValueSet(true)]
        : [];

    /// <summary>
    /// The provider's ids, where callbacks that name only those must find the checkout: account-level
    /// webhooks, or a session opened under another reference than the one set at start.
    /// </summary>
    private SearchAttributeUpdate<IReadOnlyCollection<string>>? SessionKeys(ProviderSession session) =>
        input.Capabilities.AccountLevelWebhooks || session.Reference != input.ProviderReference
            ? CheckoutSearchAttributes.ProviderKeys.ValueSet(
                new[] { input.ProviderReference, session.Reference, session.SessionId, session.PaymentId }.OfType<string>().Distinct(StringComparer.Ordinal).ToList())
            : null;
}
