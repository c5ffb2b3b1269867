using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Workflows.Rules;
using Temporalio.Common;
using Temporalio.Workflows;

namespace CheckoutOrchestrator.Workflows;

/// <summary>
/// What to publish when a checkout has changed, computed from what was told before and the checkout
/// now: the search attributes operators and the list filter by, the merchant's events, and what the
/// metrics count. Only changes are published, so asking again costs nothing. Pure: the workflows
/// carry it out.
/// </summary>
public static class CheckoutPublisher
{
    /// <param name="listProgress">
    /// Whether a status short of final is written now. Progress waits for the checkout's next
    /// wake-up (a poll or the deadline), which writes once what several callbacks said.
    /// </param>
    /// <param name="listReasons">Whether the open review reasons are written (checkouts since 1.1; see <see cref="ReasonsChanged"/>).</param>
    /// <param name="reviewsRideTheEnd">
    /// Whether review notes found as the checkout ends travel in its final event (whose checkout carries
    /// them) instead of each in a <c>checkout.needs_review</c> of its own (since 1.1; see <see cref="EndBringsReviews"/>).
    /// </param>
    public static Publication Changes(Published told, CheckoutSnapshot now, bool listProgress, bool listReasons = false, bool reviewsRideTheEnd = false)
    {
        var updates = new List<SearchAttributeUpdate>();
        var events = new List<MerchantEventToSend>();
        var listedStatus = told.ListedStatus;
        if (now.Status != told.ListedStatus && (now.IsFinal || listProgress))
        {
            updates.Add(CheckoutSearchAttributes.Status.ValueSet(now.Status.ToString()));
            listedStatus = now.Status;
        }

        if (now.NeedsReview != told.ListedReview)
        {
            // Off again only once an operator resolved the last open note.
            updates.Add(CheckoutSearchAttributes.NeedsReview.ValueSet(now.NeedsReview));
        }

        var listedReasons = told.ListedReasons ?? [];
        if (listReasons && ReasonsChanged(told, now))
        {
            var open = now.OpenReviewReasons.Select(r => r.Name()).ToList();
            updates.Add(open.Count > 0 ? CheckoutSearchAttributes.ReviewReasons.ValueSet(open) : CheckoutSearchAttributes.ReviewReasons.ValueUnset());
            listedReasons = now.OpenReviewReasons;
        }

        var late = now.LatePayment is not null;
        if (late && !told.ListedLate)
        {
            updates.Add(CheckoutSearchAttributes.LatePayment.ValueSet(true));
        }

        var ended = now.IsFinal && !told.FinalTold;
        if (ended)
        {
            events.Add(new(MerchantEventTypes.ForFinal(now.Status), null));
        }

        var latePaymentTold = late && !told.LateTold;
        if (latePaymentTold)
        {
            events.Add(new(MerchantEventTypes.LatePayment, null));
        }

        var newReviews = now.ReviewNotes.Where(n => !told.ReviewsTold.Contains(n.Reason)).ToList();
        if (!(ended && reviewsRideTheEnd))
        {
            events.AddRange(newReviews.Where(n => n.TellsMerchant).Select(n => new MerchantEventToSend(MerchantEventTypes.NeedsReview, n.Reason)));
        }

        var resolutionsTold = told.ResolutionsTold ?? [];
        var newResolutions = now.ReviewNotes.Where(n => !n.IsOpen && !resolutionsTold.Contains(n.Reason)).ToList();
        events.AddRange(newResolutions.Where(n => n.TellsMerchant).Select(n => new MerchantEventToSend(MerchantEventTypes.ReviewResolved, n.Reason)));

        var next = new Published(
            listedStatus,
            now.NeedsReview,
            told.ListedLate || late,
            told.FinalTold || now.IsFinal,
            told.LateTold || late,
            [.. told.ReviewsTold, .. newReviews.Select(n => n.Reason)],
            listedReasons,
            [.. resolutionsTold, .. newResolutions.Select(n => n.Reason)]);
        return new(updates, events, ended, latePaymentTold, newReviews.Count, next);
    }

    /// <summary>Whether this publication ends the checkout with review notes the merchant has not heard of: only then is it asked whether they ride the end event.</summary>
    public static bool EndBringsReviews(Published told, CheckoutSnapshot now) =>
        now.IsFinal && !told.FinalTold && now.ReviewNotes.Any(n => n.TellsMerchant && !told.ReviewsTold.Contains(n.Reason));

    /// <summary>Whether the open review reasons differ from those listed: only then is it asked whether this run lists them.</summary>
    public static bool ReasonsChanged(Published told, CheckoutSnapshot now) => !now.OpenReviewReasons.SequenceEqual(told.ListedReasons ?? []);
}

/// <summary>
/// What operators and the merchant have been told about a checkout so far. The open review reasons
/// listed and the resolutions told are null in what a 1.0 run carried (nothing of either).
/// </summary>
public sealed record Published(
    PaymentStatus ListedStatus,
    bool ListedReview,
    bool ListedLate,
    bool FinalTold,
    bool LateTold,
    IReadOnlyCollection<ReviewReason> ReviewsTold,
    IReadOnlyCollection<ReviewReason>? ListedReasons = null,
    IReadOnlyCollection<ReviewReason>? ResolutionsTold = null)
{
    /// <summary>A checkout that has just started: listed as pending, nothing told.</summary>
    public static Published AtStart { get; } = new(PaymentStatus.Pending, false, false, false, false, [], [], []);

    /// <summary>A checkout whose every change so far was published before (it is resumed from this snapshot).</summary>
    public static Published AllOf(CheckoutSnapshot checkout) => new(
        checkout.Status,
        checkout.NeedsReview,
        checkout.LatePayment is not null,
        checkout.IsFinal,
        checkout.LatePayment is not null,
        [.. checkout.ReviewNotes.Select(n => n.Reason)],
        checkout.OpenReviewReasons,
        [.. checkout.ReviewNotes.Where(n => !n.IsOpen).Select(n => n.Reason)]);
}

/// <summary>One step's publication: writes, merchant events, and what the metrics count.</summary>
public sealed record Publication(
    IReadOnlyList<SearchAttributeUpdate> Updates,
    IReadOnlyList<MerchantEventToSend> Events,
    bool Ended,
    bool LatePayment,
    int NewReviews,
    Published Next);

/// <summary>An event to tell the merchant; a review event names its reason, so each reason is told once.</summary>
public sealed record MerchantEventToSend(string Type, ReviewReason? Reason);
