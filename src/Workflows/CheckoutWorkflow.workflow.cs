using System.Globalization;
using CheckoutOrchestrator.Activities;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Providers;
using Microsoft.Extensions.Logging;
using Temporalio.Common;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace CheckoutOrchestrator.Workflows;

/// <summary>
/// One checkout: open the provider's session, hand its URL (or the action to take) back at once,
/// follow the payment to one final status from callbacks, polls, a cancel and the expiry deadline,
/// tell the merchant, and, if it ended unpaid, keep watching for money that moves after all.
/// </summary>
[Workflow]
public sealed class CheckoutWorkflow
{
    /// <summary>How much longer a payment already in flight at the deadline is followed.</summary>
    public static readonly TimeSpan ProcessingGrace = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan GracePollInterval = TimeSpan.FromMinutes(2);

    private readonly CheckoutWorkflowInput input;
    private readonly CheckoutLedger ledger = new();
    private readonly Queue<ProviderEvent> inbox = new();
    private readonly HashSet<string> seenEventIds = new(StringComparer.Ordinal);
    private readonly MerchantNotifier notifier = new();
    private readonly DateTimeOffset createdAt;
    private readonly WakeUpTimer wakeUp = new();

    // A checkout started before merchants were told anything keeps running the way it started.
    private readonly bool tellsMerchant;
    private readonly bool fewerBilledActions;
    private readonly bool reviewsUnconfirmableCancel;
    private readonly bool createdAtStart;
    private readonly bool progressAtWakeUp;
    private ProviderSession? session;
    private CheckoutFailure? createFailure;
    private DateTimeOffset deadline;
    private string? providerStatus;
    private CancelRequest? cancel;
    private ProviderEvent? unconfirmedSuccess;
    private bool lastLookupMissedSession;
    private DateTimeOffset? watchUntil;
    private Published published = new(PaymentStatus.Pending, false, false, 0);

    [WorkflowInit]
    public CheckoutWorkflow(CheckoutWorkflowInput input)
    {
        this.input = input;
        tellsMerchant = Workflow.Patched(CheckoutPatches.NeverLoseAPayment);
        fewerBilledActions = Workflow.Patched(CheckoutPatches.FewerBilledActions);
        reviewsUnconfirmableCancel = Workflow.Patched(CheckoutPatches.ReviewUnconfirmableCancel);
        createdAtStart = Workflow.Patched(CheckoutPatches.CreatedAtStart);
        progressAtWakeUp = Workflow.Patched(CheckoutPatches.ProgressAtWakeUp);
        createdAt = createdAtStart ? CheckoutOpening.CreatedAt(Workflow.Info.WorkflowStartTime) : Workflow.UtcNow;
        deadline = createdAt.AddSeconds(input.Request.ExpiresInSeconds);
    }

    [WorkflowQuery]
    public CheckoutSnapshot Snapshot =>
        CheckoutSnapshot.Of(input, ledger, session, providerStatus, createdAt, deadline, createFailure, watchUntil, notifier.Records);

    private ProviderCapabilities Capabilities => input.Capabilities;

    private PollPlan Plan => input.Polls ?? PollPlan.Original;

    private PaymentProvider Provider => input.Request.Provider;

    [WorkflowRun]
    public async Task<CheckoutSnapshot> RunAsync(CheckoutWorkflowInput input)
    {
        CheckoutMetrics.Started(Provider);
        if (await OpenSessionAsync())
        {
            await FollowPaymentAsync();
        }

        if (tellsMerchant)
        {
            if (session is not null && ledger.Status != PaymentStatus.Succeeded)
            {
                await WatchForLatePaymentAsync();
            }

            await notifier.AllDoneAsync();
        }

        await Workflow.WaitConditionAsync(() => Workflow.AllHandlersFinished);
        return Snapshot;
    }

    /// <summary>Early return for the API: completes as soon as the session is open (or could not be).</summary>
    [WorkflowUpdate]
    public async Task<CheckoutSnapshot> WaitForSessionAsync(string requestFingerprint)
    {
        await Workflow.WaitConditionAsync(() => session is not null || createFailure is not null);
        return createFailure is null
            ? Snapshot
            : throw new ApplicationFailureException(createFailure.Message, createFailure.Type, nonRetryable: true, details: [createFailure]);
    }

    /// <summary>The same merchant reference with a different request is a different checkout: refused.</summary>
    [WorkflowUpdateValidator(nameof(WaitForSessionAsync))]
    public void ValidateWaitForSession(string requestFingerprint)
    {
        if (requestFingerprint != input.RequestFingerprint)
        {
            throw new ApplicationFailureException(
                "This merchant reference already belongs to a checkout with a different request.", CheckoutErrorTypes.Conflict, nonRetryable: true);
        }
    }

    /// <summary>
    /// Stops an unpaid checkout, after one last lookup so that a payment that beat the cancel is a
    /// success. Asking again, or after it ended otherwise, answers the final state.
    /// </summary>
    [WorkflowUpdate]
    public async Task<CheckoutSnapshot> CancelAsync(CancelRequest request)
    {
        cancel ??= request;
        await Workflow.WaitConditionAsync(() => ledger.IsFinal);
        return ledger.Status == PaymentStatus.Succeeded ? throw AlreadySucceeded() : Snapshot;
    }

    [WorkflowUpdateValidator(nameof(CancelAsync))]
    public void ValidateCancel(CancelRequest request)
    {
        if (ledger.Status == PaymentStatus.Succeeded)
        {
            throw AlreadySucceeded();
        }
    }

    /// <summary>A provider callback. Deliveries seen before are ignored.</summary>
    [WorkflowSignal]
    public Task ReceiveProviderEventAsync(ProviderEvent providerEvent)
    {
        if (seenEventIds.Add(providerEvent.EventId))
        {
            inbox.Enqueue(providerEvent);
        }

        return Task.CompletedTask;
    }

    private static ApplicationFailureException AlreadySucceeded() =>
        new("The checkout is paid: a paid checkout cannot be cancelled.", CheckoutErrorTypes.AlreadySucceeded, nonRetryable: true);

    /// <summary>An unauthenticated callback that claims nothing final: the next poll or the final callback's lookup will say where it stands.</summary>
    private static bool ClaimsOnlyProgress(ProviderEvent providerEvent) =>
        providerEvent.Status?.Status is { } claimed && !claimed.IsTerminal();

    private async Task<bool> OpenSessionAsync()
    {
        try
        {
            session = await Workflow.ExecuteActivityAsync(
                (CheckoutActivities a) => a.CreateSessionAsync(new CreateSessionInput(input.CheckoutId, input.Request)),
                CreateSessionOptions());
        }
        catch (ActivityFailureException failure)
        {
            createFailure = CheckoutFailure.FromActivity(failure);
            if (createFailure.Type == ProviderErrorTypes.CreateOutcomeUnknown)
            {
                ledger.Flag("The provider may hold a session for this checkout that nobody can pay: reconcile in its dashboard.");
            }

            ledger.Record(PaymentStatus.Failed, StatusSource.Created, Workflow.UtcNow, null, $"No session was opened: {createFailure.Message}");
            Publish();
            return false;
        }

        deadline = CheckoutOpening.Deadline(deadline, session);
        providerStatus = session.Status.Raw;
        CheckoutOpening.Open(ledger, session, createdAtStart ? createdAt : Workflow.UtcNow);
        PublishOpened();
        return true;
    }

    /// <summary>What operators and webhook routing learn when the session opens.</summary>
    private void PublishOpened()
    {
        var keys = CheckoutSearchAttributes.ProviderKeys.ValueSet(new[] { session!.SessionId, session.PaymentId, session.Reference }.OfType<string>().ToList());
        if (!fewerBilledActions)
        {
            Workflow.UpsertTypedSearchAttributes(CheckoutSearchAttributes.Status.ValueSet(ledger.Status.ToString()), keys);
        }
        else
        {
            var updates = StatusUpdates();

            // Per-session callbacks name our reference, already set at start; account-level ones name the provider's ids.
            if (Capabilities.AccountLevelWebhooks)
            {
                updates.Add(keys);
            }

            Upsert(updates);
        }

        published = published with { Status = ledger.Status };
    }

    private async Task FollowPaymentAsync()
    {
        var polls = new PollSchedule(Workflow.UtcNow, Plan);
        var graceGiven = false;
        while (!ledger.IsFinal)
        {
            var wakeAt = Capabilities.StatusLookup && polls.NextAt < deadline ? polls.NextAt : deadline;
            if (inbox.Count == 0 && cancel is null && wakeAt > Workflow.UtcNow)
            {
                await WaitAsync(wakeAt, () => inbox.Count > 0 || cancel is not null);
            }

            var confirm = ApplyCallbacks();
            if (ledger.IsFinal)
            {
                break;
            }

            if (cancel is not null)
            {
                await StopAsync(cancel);
                break;
            }

            var pollDue = Workflow.UtcNow >= polls.NextAt;
            if (Capabilities.StatusLookup && (confirm || pollDue))
            {
                await LookUpAsync(confirm ? StatusSource.Webhook : StatusSource.Poll, confirm ? "callback confirmed by status lookup" : null);
                if (pollDue)
                {
                    polls.Advance(Workflow.UtcNow);
                }
            }

            // Progress a callback brought is listed now, after the poll's own news, so one write says both.
            if (progressAtWakeUp && (pollDue || Workflow.UtcNow >= deadline))
            {
                Publish();
            }

            if (!ledger.IsFinal && Workflow.UtcNow >= deadline)
            {
                if (Capabilities.StatusLookup)
                {
                    await LookUpAsync(StatusSource.Expiry, "last check at the deadline");
                }

                if (ledger.Status == PaymentStatus.Processing && !graceGiven)
                {
                    graceGiven = true;
                    deadline += ProcessingGrace;
                    polls.Tighten(Workflow.UtcNow, GracePollInterval);
                    continue;
                }

                Expire();
            }
        }

        wakeUp.Stop();
    }

    /// <summary>
    /// Keeps reading callbacks, and asks the provider now and then, for a while after an unpaid end:
    /// a session the provider keeps open can still be paid, and that money must not go unseen.
    /// </summary>
    private async Task WatchForLatePaymentAsync()
    {
        DateTimeOffset endedAt = Workflow.UtcNow;
        watchUntil = endedAt + Plan.LateWindow;
        var lookups = new Queue<DateTimeOffset>(
            Capabilities.StatusLookup ? Plan.LateLookups.Select(after => endedAt + after) : []);
        while (ledger.LatePayment is null)
        {
            var wakeAt = lookups.TryPeek(out var lookupAt) ? lookupAt : watchUntil.Value;
            if (inbox.Count == 0 && wakeAt > Workflow.UtcNow)
            {
                await WaitAsync(wakeAt, () => inbox.Count > 0);
            }

            if (inbox.Count > 0)
            {
                await ReadLateCallbacksAsync();
            }
            else if (lookups.TryDequeue(out _))
            {
                await LookUpAsync(StatusSource.Poll, "late-payment watch");
            }
            else
            {
                break;
            }
        }

        wakeUp.Stop();
    }

    /// <summary>Sleeps until <paramref name="until"/> unless woken earlier; checkouts before the patch start a timer per wait.</summary>
    private Task WaitAsync(DateTimeOffset until, Func<bool> wakeEarly) =>
        fewerBilledActions ? wakeUp.WaitAsync(until, wakeEarly) : Workflow.WaitConditionAsync(wakeEarly, until - Workflow.UtcNow);

    /// <summary>Applies authoritative callbacks; returns whether an unauthenticated one asks for a lookup.</summary>
    private bool ApplyCallbacks()
    {
        var lookupRequested = false;
        while (inbox.TryDequeue(out var providerEvent))
        {
            LearnPaymentId(providerEvent);
            if (!IsForThisSession(providerEvent))
            {
                continue;
            }

            if (!providerEvent.IsAuthoritative || providerEvent.Status is null)
            {
                if (providerEvent.ClaimsSuccess)
                {
                    unconfirmedSuccess ??= providerEvent;
                }

                lookupRequested |= !progressAtWakeUp || !ClaimsOnlyProgress(providerEvent);
                continue;
            }

            Apply(providerEvent.Status, StatusSource.Webhook, null);
        }

        Publish(ProgressWaits(StatusSource.Webhook));
        return lookupRequested && Capabilities.StatusLookup;
    }

    /// <summary>After the end a callback can only be news of a late payment; <see cref="LateCallbacks"/> weighs it.</summary>
    private async Task ReadLateCallbacksAsync()
    {
        var events = new List<ProviderEvent>();
        while (inbox.TryDequeue(out var providerEvent))
        {
            LearnPaymentId(providerEvent);
            events.Add(providerEvent);
        }

        var weighed = LateCallbacks.Weigh(events, Capabilities, session!.Reference);
        foreach (var note in weighed.ReviewNotes)
        {
            ledger.Flag(note);
        }

        if (weighed.Proven is { } proven)
        {
            Apply(proven, StatusSource.Webhook, PaymentEvidence.CallbackEvidence(Capabilities.Callbacks));
        }

        if (weighed.LookupNeeded)
        {
            var found = await LookUpAsync(StatusSource.Webhook, "callback after the end, confirmed by status lookup");
            if (ledger.LatePayment is null && weighed.Claim is { } claim)
            {
                ledger.Flag(PaymentEvidence.Contradicted(claim, Provider, found));
            }
        }

        Publish();
    }

    /// <summary>Checks a callback names our session; one that names another goes to review and changes nothing.</summary>
    private bool IsForThisSession(ProviderEvent providerEvent)
    {
        if (providerEvent.ProviderReference is { } reference && reference != session!.Reference)
        {
            ledger.Flag(PaymentEvidence.ForAnotherReference(reference, session.Reference));
            return false;
        }

        if (providerEvent.ReviewNote is { } note)
        {
            ledger.Flag(note);
        }

        return true;
    }

    /// <summary>Waftpay returns no id at create; the id its callback names is the one its status query knows.</summary>
    private void LearnPaymentId(ProviderEvent providerEvent)
    {
        if (providerEvent.ProviderPaymentId is { Length: > 0 } paymentId && session is { PaymentId: null })
        {
            session = session with { PaymentId = paymentId };
        }
    }

    private async Task<ProviderStatus?> LookUpAsync(StatusSource source, string? detail)
    {
        CheckoutMetrics.LookedUp(Provider, source);
        try
        {
            var status = await Workflow.ExecuteActivityAsync(
                (CheckoutActivities a) => a.GetStatusAsync(new StatusLookupInput(input.CheckoutId, Provider, session!)),
                ProviderCalls.Options([], input.ProviderTaskQueue));
            Apply(status, source, detail);
            Publish(ProgressWaits(source));
            return status;
        }
        catch (ActivityFailureException failure)
        {
            // A lookup is a fallback: the next callback, poll or the deadline check carries on.
            Workflow.Logger.LogWarning(failure, "Status lookup for checkout {CheckoutId} failed", input.CheckoutId);
            return null;
        }
    }

    private void Apply(ProviderStatus status, StatusSource source, string? detail)
    {
        providerStatus = status.Raw;
        lastLookupMissedSession = status.SessionMissing;
        if (status.Status is not { } reported)
        {
            Workflow.Logger.LogWarning(
                "{Provider} reported unrecognised status {ProviderStatus} for checkout {CheckoutId}; it keeps status {Status}",
                Provider,
                status.Raw,
                input.CheckoutId,
                ledger.Status);
            return;
        }

        if (PaymentEvidence.DoubtAbout(status, Provider, session!.Reference, input.Request.Amount) is { } doubt)
        {
            ledger.Flag(doubt);
            return;
        }

        if (ledger.IsFinal)
        {
            if (tellsMerchant && reported == PaymentStatus.Succeeded)
            {
                RecordLatePayment(status, source, detail ?? "status lookup");
            }

            return;
        }

        Conclude(reported, source, status.Raw, detail, status.FailureReason);
    }

    private void Expire()
    {
        string detail;
        if (Capabilities.StatusLookup)
        {
            detail = "No payment by the deadline.";
        }
        else
        {
            detail = "No callback by the deadline, and the provider has no status lookup.";
            ledger.Flag("Expired without word from the provider: confirm in its dashboard that nothing was paid.");
        }

        Conclude(PaymentStatus.Expired, StatusSource.Expiry, null, detail);
    }

    private async Task StopAsync(CancelRequest request)
    {
        if (Capabilities.StatusLookup)
        {
            await LookUpAsync(StatusSource.Cancel, "last check before cancelling");
        }
        else if (reviewsUnconfirmableCancel)
        {
            ledger.Flag("Cancelled without word from the provider: confirm in its dashboard that nothing was paid.");
        }

        if (!ledger.IsFinal)
        {
            Conclude(PaymentStatus.Cancelled, StatusSource.Cancel, null, request.Reason ?? "Cancelled by the merchant.");
        }
    }

    /// <summary>Moves the checkout on; an unpaid end first puts on review any sign of money the provider never confirmed.</summary>
    private void Conclude(PaymentStatus status, StatusSource source, string? raw, string? detail, string? failureReason = null)
    {
        if (tellsMerchant && status.IsTerminal() && status != PaymentStatus.Succeeded)
        {
            RaiseDoubts();
        }

        ledger.Record(status, source, Workflow.UtcNow, raw, detail, failureReason);
        Publish(ProgressWaits(source));
    }

    private void RaiseDoubts()
    {
        if (unconfirmedSuccess is { } claim)
        {
            ledger.Flag(string.Create(
                CultureInfo.InvariantCulture,
                $"A callback at {claim.ReceivedAt:u} said the payment succeeded ({claim.Status!.Raw}), but no status lookup confirmed it: check with {Provider} whether money moved."));
        }

        if (lastLookupMissedSession && Capabilities.LookupFindsUnpaidSessions)
        {
            ledger.Flag($"{Provider}'s status lookup could not find session {session?.SessionId ?? session?.Reference}: check in its dashboard whether it was paid.");
        }
    }

    private void RecordLatePayment(ProviderStatus status, StatusSource source, string evidence)
    {
        var payment = new LatePayment(
            new Money(status.PaidAmount ?? input.Request.Amount.Value, input.Request.Amount.Currency),
            status.Raw,
            session?.SessionId,
            session?.PaymentId,
            session?.Reference,
            Workflow.UtcNow,
            source,
            evidence);
        if (ledger.RecordLatePayment(payment))
        {
            ledger.Flag(PaymentEvidence.LatePaymentNote(ledger.Status));
        }
    }

    /// <summary>
    /// Keeps what operators filter by in step with the checkout, and tells the merchant what changed.
    /// Only changes are written, so calling it again costs nothing. With <paramref name="progressWaits"/>
    /// a status short of final is left for the next wake-up to write.
    /// </summary>
    private void Publish(bool progressWaits = false)
    {
        var statusWaits = progressWaits && !ledger.IsFinal;
        var updates = statusWaits ? [] : StatusUpdates();

        if (!tellsMerchant)
        {
            // Checkouts started before review flags and merchant events published their status only.
            Upsert(updates);
            published = published with { Status = ledger.Status };
            return;
        }

        var review = ledger.ReviewNotes.Count > 0;
        var late = ledger.LatePayment is not null;
        if (review && !published.Review)
        {
            updates.Add(CheckoutSearchAttributes.NeedsReview.ValueSet(true));
        }

        if (late && !published.Late)
        {
            updates.Add(CheckoutSearchAttributes.LatePayment.ValueSet(true));
        }

        Upsert(updates);
        var before = published;
        published = new(statusWaits ? published.Status : ledger.Status, review, late, ledger.ReviewNotes.Count);
        if (ledger.IsFinal && !before.Status.IsTerminal())
        {
            CheckoutMetrics.Ended(Provider, ledger.Status, Workflow.UtcNow - createdAt);
            Tell(MerchantEventTypes.ForFinal(ledger.Status));
        }

        if (late && !before.Late)
        {
            CheckoutMetrics.LatePayment(Provider);
            Tell(MerchantEventTypes.LatePayment);
        }

        if (ledger.ReviewNotes.Count > before.ReviewNotes)
        {
            CheckoutMetrics.FlaggedForReview(Provider);
            Tell(MerchantEventTypes.NeedsReview);
        }
    }

    /// <summary>Progress a callback brings (directly or through the lookup it asked for) waits for the next wake-up to be listed.</summary>
    private bool ProgressWaits(StatusSource source) => progressAtWakeUp && source == StatusSource.Webhook;

    /// <summary>The status search attribute, when the ledger has moved since it was last published.</summary>
    private List<SearchAttributeUpdate> StatusUpdates() =>
        ledger.Status == published.Status ? [] : [CheckoutSearchAttributes.Status.ValueSet(ledger.Status.ToString())];

    private void Tell(string eventType) => notifier.Send(eventType, Snapshot, input.Request.NotificationUrl);

    private void Upsert(List<SearchAttributeUpdate> updates)
    {
        if (updates.Count > 0)
        {
            Workflow.UpsertTypedSearchAttributes([.. updates]);
        }
    }

    // Where nothing stops a second session, an attempt cut short (worker died mid-request)
    // is not retried: the failure says the outcome is unknown instead.
    private ActivityOptions CreateSessionOptions() => ProviderCalls.Options(
        Capabilities.CreateRetry == CreateRetrySafety.None ? ["TemporalTimeout:StartToClose", "TemporalTimeout:Heartbeat"] : [],
        input.ProviderTaskQueue);

    /// <summary>What the search attributes and the merchant have last been told.</summary>
    private sealed record Published(PaymentStatus Status, bool Review, bool Late, int ReviewNotes);
}
