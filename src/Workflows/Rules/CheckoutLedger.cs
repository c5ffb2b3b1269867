using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Workflows.Rules;

/// <summary>
/// A checkout's status and how it got there. It only moves forward: a stale or reordered report
/// never undoes progress, and the first final status is the last. Money that arrives after the end
/// is kept apart as a late payment, and anything that does not add up as a review note, one per reason.
/// </summary>
public sealed class CheckoutLedger
{
    private readonly List<TimelineEntry> timeline;
    private readonly List<ReviewNote> reviewNotes;

    public CheckoutLedger()
    {
        timeline = [];
        reviewNotes = [];
    }

    /// <summary>The ledger of a checkout as a snapshot of it says, to go on from there.</summary>
    public CheckoutLedger(CheckoutSnapshot checkout)
    {
        timeline = [.. checkout.Timeline];
        reviewNotes = [.. checkout.ReviewNotes];
        Status = checkout.Status;
        FailureReason = checkout.FailureReason;
        FinishedAt = checkout.CompletedAt;
        LatePayment = checkout.LatePayment;
        FailedAttempt = checkout.Timeline.LastOrDefault(t => t.Kind == TimelineKind.AttemptFailed);
    }

    public PaymentStatus Status { get; private set; } = PaymentStatus.Pending;

    public bool IsFinal => Status.IsTerminal();

    public string? FailureReason { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public LatePayment? LatePayment { get; private set; }

    /// <summary>The last failed attempt on a page that stayed open, if the customer failed once.</summary>
    public TimelineEntry? FailedAttempt { get; private set; }

    public IReadOnlyList<TimelineEntry> Timeline => timeline;

    public IReadOnlyList<ReviewNote> ReviewNotes => reviewNotes;

    /// <summary>Starts the timeline with the status the session was opened in.</summary>
    public void Open(PaymentStatus status, DateTimeOffset at, string? providerStatus)
    {
        Status = status;
        timeline.Add(new TimelineEntry(at, status, StatusSource.Created, providerStatus, null));
    }

    /// <summary>Records a reported status; returns false when it would move the checkout backwards or nowhere.</summary>
    public bool Record(PaymentStatus status, StatusSource source, DateTimeOffset at, string? providerStatus, string? detail, string? failureReason = null)
    {
        if (IsFinal || status.Progress() < Status.Progress() || status == Status)
        {
            return false;
        }

        Status = status;
        timeline.Add(new TimelineEntry(at, status, source, providerStatus, detail));
        if (status.IsTerminal())
        {
            FinishedAt = at;
            FailureReason = status == PaymentStatus.Succeeded ? null : failureReason ?? detail;
        }

        return true;
    }

    /// <summary>Where a routed checkout opened instead of its first choice, and why, before its first status.</summary>
    public void FailedOver(string detail, DateTimeOffset at) =>
        timeline.Add(new TimelineEntry(at, PaymentStatus.Pending, StatusSource.Created, null, detail, TimelineKind.FailedOver));

    /// <summary>A failed attempt on a page that stays open: on the timeline, the checkout's status unchanged.</summary>
    public void AttemptFailed(StatusSource source, DateTimeOffset at, string? providerStatus, string? reason)
    {
        FailedAttempt = new TimelineEntry(at, PaymentStatus.Failed, source, providerStatus, reason, TimelineKind.AttemptFailed);
        timeline.Add(FailedAttempt);
    }

    /// <summary>Keeps the first payment reported after a non-successful end; returns false for any other.</summary>
    public bool RecordLatePayment(LatePayment payment)
    {
        if (!IsFinal || Status == PaymentStatus.Succeeded || LatePayment is not null)
        {
            return false;
        }

        LatePayment = payment;
        timeline.Add(new TimelineEntry(payment.LearnedAt, PaymentStatus.Succeeded, payment.Source, payment.ProviderStatus, payment.Evidence, TimelineKind.LatePayment, AmountView.From(payment.Amount)));
        return true;
    }

    /// <summary>Asks a person to look. A reason already noted keeps its first note: false.</summary>
    public bool Flag(ReviewReason reason, string note, DateTimeOffset at)
    {
        if (reviewNotes.Exists(n => n.Reason == reason))
        {
            return false;
        }

        reviewNotes.Add(new ReviewNote(reason, note, at));
        return true;
    }

    /// <summary>Closes the open note of <paramref name="reason"/> with an operator's resolution; false when there is none.</summary>
    public bool Resolve(ReviewReason reason, ReviewResolution resolution)
    {
        var index = reviewNotes.FindIndex(n => n.Reason == reason && n.IsOpen);
        if (index < 0)
        {
            return false;
        }

        reviewNotes[index] = reviewNotes[index] with { Resolution = resolution };
        return true;
    }
}
