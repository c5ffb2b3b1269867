using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Workflows.Contracts;
using CheckoutOrchestrator.Workflows.Rules;
using Microsoft.Extensions.Logging;
using Temporalio.Common;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace CheckoutOrchestrator.Workflows;

/// <summary>
/// The steps both checkout workflows take with a <see cref="Workflows.Checkout"/>: wait for news or
/// its next wake-up, ask the provider, publish what changed. Runs inside a workflow, so everything
/// here is deterministic.
/// </summary>
public sealed class CheckoutSteps
{
    private readonly string? providerTaskQueue;
    private readonly IReadOnlyList<NotificationRecord> earlierNotifications;
    private readonly WakeUpTimer wakeUp = new();
    private Published published;
    private bool news;

    public CheckoutSteps(Checkout checkout, string? providerTaskQueue, Published published, IReadOnlyList<NotificationRecord>? earlierNotifications = null, bool eventIdsNameCheckout = false)
    {
        Checkout = checkout;
        Notifier = new MerchantNotifier(eventIdsNameCheckout);
        this.providerTaskQueue = providerTaskQueue;
        this.published = published;
        this.earlierNotifications = earlierNotifications ?? [];
    }

    public Checkout Checkout { get; }

    /// <summary>What operators and the merchant have been told so far (a continued run goes on from it).</summary>
    public Published Published => published;

    public MerchantNotifier Notifier { get; }

    public CheckoutSnapshot Snapshot => Checkout.Snapshot([.. earlierNotifications, .. Notifier.Records]);

    /// <summary>
    /// Whether the run may hand over to a new one now: Temporal suggests it and no merchant delivery is
    /// in flight. (Signal handlers finish as they are called, and no update is accepted once a checkout has ended.)
    /// </summary>
    public bool MayContinueAsNew => Workflow.ContinueAsNewSuggested && Notifier.Idle;

    /// <summary>A provider callback: taken by the checkout's rules, and a distrusted one reported as a security event.</summary>
    public void Take(ProviderEvent providerEvent)
    {
        var outcome = Checkout.Take(providerEvent.IsHint ? providerEvent.AsHint() : providerEvent, Workflow.UtcNow);
        if (outcome == CallbackOutcome.ForAnotherReference)
        {
            var snapshot = Snapshot;
            Workflow.Logger.LogWarning(
                "Distrusted a {Provider} callback on checkout {CheckoutId}'s URL naming reference {Reference}, not {OwnReference}",
                snapshot.Provider,
                snapshot.CheckoutId,
                providerEvent.ProviderReference,
                snapshot.ProviderReference);
            CheckoutMetrics.CallbackDistrusted(snapshot.Provider, "foreign_reference");
        }

        MarkNews();
    }

    /// <summary>Something arrived (a callback, a cancel): the waiting loop looks at once.</summary>
    public void MarkNews() => news = true;

    /// <summary>
    /// Sleeps until <paramref name="until"/> unless news arrives first; one timer however often news
    /// wakes it. A loop that hands over to a new run when Temporal suggests it also wakes as soon as
    /// it may (its merchant deliveries done), not only at its next news.
    /// </summary>
    public async Task WaitForNewsAsync(DateTimeOffset until, bool wakeToContinueAsNew = false)
    {
        if (!news && until > Workflow.UtcNow)
        {
            await wakeUp.WaitAsync(until, () => news || (wakeToContinueAsNew && MayContinueAsNew));
        }

        news = false;
    }

    /// <summary>Makes the lookup the checkout needs, if any; a lookup that gets no answer is taken as exactly that.</summary>
    public async Task LookUpIfDueAsync()
    {
        if (Checkout.LookupDue(Workflow.UtcNow) is not { } need)
        {
            return;
        }

        var snapshot = Snapshot;
        CheckoutMetrics.LookedUp(snapshot.Provider, need.Source);
        ProviderStatus? answer = null;
        try
        {
            answer = await Workflow.ExecuteActivityAsync(
                (IProviderActivities a) => a.GetStatusAsync(new StatusLookupInput(snapshot.CheckoutId, snapshot.Provider, Checkout.Session!)),
                ProviderCalls.Options(ProviderCalls.LookupQueue(providerTaskQueue, need), retryUntil: ProviderCalls.RetryWindow(need, Workflow.UtcNow)));
        }
        catch (ActivityFailureException failure)
        {
            Workflow.Logger.LogWarning(failure, "Status lookup for checkout {CheckoutId} got no answer; that is no evidence either way", snapshot.CheckoutId);
        }

        Checkout.TakeLookup(need, answer, Workflow.UtcNow);
    }

    /// <summary>Writes what changed for operators, counts it, and tells the merchant.</summary>
    public void Publish(bool listProgress, params IEnumerable<SearchAttributeUpdate?> alongside)
    {
        var snapshot = Snapshot;
        var listReasons = CheckoutPublisher.ReasonsChanged(published, snapshot) && Workflow.Patched("review-reasons-listed");
        var reviewsRideTheEnd = CheckoutPublisher.EndBringsReviews(published, snapshot) && Workflow.Patched("end-event-carries-reviews");
        var publication = CheckoutPublisher.Changes(published, snapshot, listProgress, listReasons, reviewsRideTheEnd);
        SearchAttributeUpdate[] updates = [.. publication.Updates, .. alongside.OfType<SearchAttributeUpdate>()];
        if (updates.Length > 0)
        {
            Workflow.UpsertTypedSearchAttributes(updates);
        }

        CheckoutMetrics.Published(publication, snapshot, Workflow.UtcNow);
        foreach (var merchantEvent in publication.Events)
        {
            Workflow.Logger.LogInformation(
                "Checkout {CheckoutId} at {Provider}: {EventType} {ReviewReason}",
                snapshot.CheckoutId,
                snapshot.Provider.ToSlug(),
                merchantEvent.Type,
                merchantEvent.Reason);
            Notifier.Send(merchantEvent, snapshot);
        }

        published = publication.Next;
    }

    /// <summary>An operator's resolution of a review note, published at once: the list, and the merchant's event.</summary>
    public CheckoutSnapshot Resolve(ReviewResolutionRequest request)
    {
        Checkout.Resolve(request.Reason, new ReviewResolution(request.Outcome, request.Note, request.ResolvedBy, Workflow.UtcNow));
        Publish(listProgress: false);

        // Money an operator confirmed ends the watch: the waiting loop looks at once.
        MarkNews();
        return Snapshot;
    }

    /// <summary>Cancels a timer still running (a cancelled timer is not billed).</summary>
    public void StopWaiting() => wakeUp.Stop();
}
