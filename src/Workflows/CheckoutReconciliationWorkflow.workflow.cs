using CheckoutOrchestrator.Activities;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using Microsoft.Extensions.Logging;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace CheckoutOrchestrator.Workflows;

/// <summary>
/// A checkout's workflow closes a day after an unpaid end. A provider callback after that is still
/// read: the API starts this workflow with signal-with-start (one per checkout, so later callbacks
/// join it), which confirms the callback the way the checkout would have, records a late payment or
/// a review note, tells the merchant, and closes after an hour without news.
/// </summary>
[Workflow("CheckoutReconciliation")]
public sealed class CheckoutReconciliationWorkflow
{
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromHours(1);

    private readonly ReconciliationInput input;
    private readonly Queue<ProviderEvent> inbox = new();
    private readonly HashSet<string> seenEventIds = new(StringComparer.Ordinal);
    private readonly List<string> reviewNotes;
    private readonly MerchantNotifier notifier = new();
    private ProviderSession session;
    private LatePayment? latePayment;

    [WorkflowInit]
    public CheckoutReconciliationWorkflow(ReconciliationInput input)
    {
        this.input = input;
        var checkout = input.Checkout;
        reviewNotes = [.. checkout.ReviewNotes];
        latePayment = checkout.LatePayment;
        session = new ProviderSession(
            checkout.ProviderReference ?? checkout.CheckoutId,
            checkout.ProviderSessionId,
            checkout.ProviderPaymentId,
            checkout.CheckoutUrl,
            checkout.Action,
            checkout.ExpiresAt,
            new ProviderStatus(checkout.ProviderStatus ?? string.Empty, null));
    }

    /// <summary>The checkout as it ended, with what was learned since.</summary>
    [WorkflowQuery]
    public CheckoutSnapshot Snapshot => input.Checkout with
    {
        LatePayment = latePayment,
        ReviewNotes = reviewNotes,
        Notifications = [.. input.Checkout.Notifications ?? [], .. notifier.Records],
    };

    public static string IdFor(string checkoutId) => $"{checkoutId}-reconciliation";

    [WorkflowRun]
    public async Task<CheckoutSnapshot> RunAsync(ReconciliationInput input)
    {
        while (inbox.Count > 0 || await Workflow.WaitConditionAsync(() => inbox.Count > 0, QuietPeriod))
        {
            await ReadCallbacksAsync();
        }

        await notifier.AllDoneAsync();
        return Snapshot;
    }

    [WorkflowSignal]
    public Task ReceiveProviderEventAsync(ProviderEvent providerEvent)
    {
        if (seenEventIds.Add(providerEvent.EventId))
        {
            inbox.Enqueue(providerEvent);
        }

        return Task.CompletedTask;
    }

    private async Task ReadCallbacksAsync()
    {
        var events = new List<ProviderEvent>();
        while (inbox.TryDequeue(out var providerEvent))
        {
            if (providerEvent.ProviderPaymentId is { Length: > 0 } paymentId && session.PaymentId is null)
            {
                session = session with { PaymentId = paymentId };
            }

            events.Add(providerEvent);
        }

        var notesBefore = reviewNotes.Count;
        var hadLatePayment = latePayment is not null;
        var weighed = LateCallbacks.Weigh(events, input.Capabilities, session.Reference);
        weighed.ReviewNotes.ToList().ForEach(Flag);
        if (weighed.Proven is { } proven)
        {
            Consider(proven, StatusSource.Webhook, PaymentEvidence.CallbackEvidence(input.Capabilities.Callbacks));
        }

        if (weighed.LookupNeeded)
        {
            var found = await LookUpAsync();
            if (found is not null)
            {
                Consider(found, StatusSource.Webhook, "callback after the checkout closed, confirmed by status lookup");
            }

            if (latePayment is null && weighed.Claim is { } claim)
            {
                Flag(PaymentEvidence.Contradicted(claim, input.Checkout.Provider, found));
            }
        }

        Publish(hadLatePayment, notesBefore);
    }

    private void Consider(ProviderStatus status, StatusSource source, string evidence)
    {
        var checkout = input.Checkout;
        if (status.Status != PaymentStatus.Succeeded || checkout.Status == PaymentStatus.Succeeded || latePayment is not null)
        {
            return;
        }

        if (PaymentEvidence.DoubtAbout(status, checkout.Provider, session.Reference, checkout.Amount) is { } doubt)
        {
            Flag(doubt);
            return;
        }

        latePayment = new LatePayment(
            checkout.Amount with { Value = status.PaidAmount ?? checkout.Amount.Value },
            status.Raw,
            session.SessionId,
            session.PaymentId,
            session.Reference,
            Workflow.UtcNow,
            source,
            evidence);
        Flag(PaymentEvidence.LatePaymentNote(checkout.Status));
    }

    private async Task<ProviderStatus?> LookUpAsync()
    {
        try
        {
            return await Workflow.ExecuteActivityAsync(
                (CheckoutActivities a) => a.GetStatusAsync(new StatusLookupInput(input.Checkout.CheckoutId, input.Checkout.Provider, session)),
                ProviderCalls.Options([], input.ProviderTaskQueue));
        }
        catch (ActivityFailureException failure)
        {
            Workflow.Logger.LogWarning(failure, "Status lookup for closed checkout {CheckoutId} failed", input.Checkout.CheckoutId);
            return null;
        }
    }

    private void Flag(string note)
    {
        if (!reviewNotes.Contains(note))
        {
            reviewNotes.Add(note);
        }
    }

    /// <summary>Marks the reconciliation for operators and tells the merchant what is new.</summary>
    private void Publish(bool hadLatePayment, int notesBefore)
    {
        var updates = new List<SearchAttributeUpdate>();
        if (reviewNotes.Count > notesBefore)
        {
            updates.Add(CheckoutSearchAttributes.NeedsReview.ValueSet(true));
        }

        if (latePayment is not null && !hadLatePayment)
        {
            updates.Add(CheckoutSearchAttributes.LatePayment.ValueSet(true));
            notifier.Send(MerchantEventTypes.LatePayment, Snapshot, input.Checkout.NotificationUrl);
        }

        if (reviewNotes.Count > notesBefore)
        {
            notifier.Send(MerchantEventTypes.NeedsReview, Snapshot, input.Checkout.NotificationUrl);
        }

        if (updates.Count > 0)
        {
            Workflow.UpsertTypedSearchAttributes([.. updates]);
        }
    }
}
