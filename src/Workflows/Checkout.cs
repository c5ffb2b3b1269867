using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Providers;

namespace CheckoutOrchestrator.Workflows;

/// <summary>
/// The rules of one checkout, from its open session to its end and the watch after it: which
/// callbacks and lookup answers count, when to ask the provider, when it expires, how a cancel
/// ends it, what is a late payment and what needs a person. Pure and deterministic (time is always
/// a parameter, nothing here calls Temporal), so both checkout workflows share it and plain unit
/// tests cover it. The workflows only wait, call activities, and publish what changed.
/// </summary>
public sealed class Checkout
{
    /// <summary>How much longer a payment in flight (or a provider that cannot be asked) is followed past the deadline.</summary>
    public static readonly TimeSpan ProcessingGrace = TimeSpan.FromMinutes(10);

    /// <summary>How often the provider is asked during the grace.</summary>
    public static readonly TimeSpan GracePollInterval = TimeSpan.FromMinutes(2);

    /// <summary>At most one lookup per this interval, however many unauthenticated callbacks ask for one.</summary>
    public static readonly TimeSpan HintInterval = TimeSpan.FromMinutes(1);

    private readonly CheckoutTerms terms;
    private readonly CheckoutLedger ledger;
    private readonly HashSet<string> seenEventIds = new(StringComparer.Ordinal);
    private readonly CheckoutHints hints = new();
    private readonly Queue<DateTimeOffset> watchLookups = new();
    private ProviderSession? session;
    private CheckoutFailure? createFailure;
    private string? providerStatus;
    private DateTimeOffset deadline;
    private PollSchedule? polls;
    private bool graceGiven;
    private DateTimeOffset? deadlineAsked;
    private bool lastLookupUnanswered;
    private bool lastLookupMissedSession;
    private ProviderEvent? unconfirmedSuccess;
    private ProviderEvent? lateClaim;
    private bool confirmWanted;
    private CancelRequest? cancel;
    private bool cancelAsked;
    private TimelineEntry? failedAttempt;
    private DateTimeOffset? watchUntil;
    private bool watchAnswered;

    private Checkout(CheckoutTerms terms, CheckoutLedger ledger)
    {
        this.terms = terms;
        this.ledger = ledger;
        deadline = terms.CreatedAt.AddSeconds(terms.ExpiresInSeconds);
    }

    public PaymentStatus Status => ledger.Status;

    public bool IsFinal => ledger.IsFinal;

    public ProviderSession? Session => session;

    public DateTimeOffset Deadline => deadline;

    public DateTimeOffset? WatchUntil => watchUntil;

    public bool CancelRequested => cancel is not null;

    /// <summary>The watch lookups still to make, for a continued run to carry on with.</summary>
    public IReadOnlyList<DateTimeOffset> PendingWatchLookups => [.. watchLookups];

    private ProviderCapabilities Capabilities => terms.Capabilities;

    /// <summary>A checkout whose workflow has just started, before its session exists.</summary>
    public static Checkout Start(CheckoutTerms terms) => new(terms, new CheckoutLedger());

    /// <summary>
    /// A checkout that has ended, to go on reading what the provider says about it: its
    /// reconciliation after the workflow closed, or its own watch in a continued run.
    /// </summary>
    public static Checkout Resume(CheckoutTerms terms, CheckoutSnapshot ended, DateTimeOffset? watchUntil = null, IEnumerable<DateTimeOffset>? watchLookups = null)
    {
        var checkout = new Checkout(terms, new CheckoutLedger(ended))
        {
            session = ended.SessionOpened ? ended.Session() : null,
            providerStatus = ended.ProviderStatus,
            deadline = ended.ExpiresAt ?? terms.CreatedAt,
            watchUntil = watchUntil,
        };
        foreach (var at in watchLookups ?? [])
        {
            checkout.watchLookups.Enqueue(at);
        }

        return checkout;
    }

    /// <summary>The session is open: the deadline is ours, or the provider's if it keeps the session longer.</summary>
    public void Opened(ProviderSession opened, DateTimeOffset at)
    {
        session = opened;
        providerStatus = opened.Status.Raw;
        if (opened.ExpiresAt is { } providerDeadline && providerDeadline > deadline)
        {
            deadline = providerDeadline;
        }

        ledger.Open(opened.Status.Status ?? PaymentStatus.Pending, terms.CreatedAt, opened.Status.Raw);
        polls = new PollSchedule(at, terms.Plan);
    }

    public void OpenFailed(CheckoutFailure failure, DateTimeOffset at)
    {
        createFailure = failure;
        if (failure.Type == ProviderErrorTypes.CreateOutcomeUnknown)
        {
            ledger.Flag(ReviewReason.CreateOutcomeUnknown, "The provider may hold a session for this checkout that nobody can pay: reconcile in its dashboard.", at);
        }

        ledger.Record(PaymentStatus.Failed, StatusSource.Created, at, null, $"No session was opened: {failure.Message}");
    }

    /// <summary>The merchant asks to stop; the checkout ends at its next step, after one last lookup.</summary>
    public void RequestCancel(CancelRequest request) => cancel ??= request;

    /// <summary>
    /// Takes a provider callback. A repeat of an authenticated one is dropped by its id; one whose
    /// body names another checkout's reference changes nothing and is reported as distrusted (a
    /// security event, never a reason for review by itself).
    /// </summary>
    public CallbackOutcome Take(ProviderEvent callback, DateTimeOffset at)
    {
        if (callback.IsHint)
        {
            TakeHint(callback, at);
            return CallbackOutcome.Taken;
        }

        if (session is null || !seenEventIds.Add(callback.EventId))
        {
            return CallbackOutcome.Repeated;
        }

        if (callback.ProviderReference is { } reference && reference != session.Reference)
        {
            return CallbackOutcome.ForAnotherReference;
        }

        LearnPaymentId(callback);

        if (callback.ReviewNote is { } note)
        {
            ledger.Flag(ReviewReason.ProviderFieldsDisagree, note, at);
        }

        var provenByItself = callback.Evidence == CallbackEvidence.Signature || !Capabilities.StatusLookup;
        if (!IsFinal)
        {
            if (provenByItself && callback.Status is { } status)
            {
                Apply(status, StatusSource.Webhook, null, at);
                return CallbackOutcome.Taken;
            }

            confirmWanted |= Capabilities.StatusLookup && callback.WorthALookup;
            unconfirmedSuccess = callback.ClaimsSuccess ? unconfirmedSuccess ?? callback : unconfirmedSuccess;
            return CallbackOutcome.Taken;
        }

        if (!callback.ClaimsSuccess)
        {
            return CallbackOutcome.Taken;
        }

        if (Capabilities.StatusLookup)
        {
            confirmWanted = true;
            lateClaim ??= callback;
        }
        else
        {
            Apply(callback.Status!, StatusSource.Webhook, CheckoutNotes.HowItArrived(callback.Evidence), at);
        }

        return CallbackOutcome.Taken;
    }

    /// <summary>The lookup due now, if any: one lookup serves every reason it is due for.</summary>
    public StatusLookupNeed? LookupDue(DateTimeOffset now)
    {
        if (!Capabilities.StatusLookup || session is null)
        {
            return null;
        }

        if (!IsFinal)
        {
            return (cancel, now >= deadline) switch
            {
                ({ }, _) => cancelAsked ? null : new(StatusSource.Cancel, "last check before cancelling"),
                (null, true) when deadlineAsked != deadline => new(StatusSource.Expiry, "last check at the deadline"),
                _ when confirmWanted => new(StatusSource.Webhook, "callback confirmed by status lookup"),
                _ when hints.LookupDue(now) => new(StatusSource.Webhook, "callback without our token; asked the provider"),
                _ when now >= polls!.NextAt => new(StatusSource.Poll, null),
                _ => null,
            };
        }

        if (confirmWanted)
        {
            return new(StatusSource.Webhook, "callback after the end, confirmed by status lookup");
        }

        if (hints.LookupDue(now))
        {
            return new(StatusSource.Webhook, "callback without our token after the end; asked the provider");
        }

        return watchLookups.TryPeek(out var watchAt) && now >= watchAt
            ? new(StatusSource.Poll, "late-payment watch", RetryUntil: watchUntil)
            : null;
    }

    /// <summary>Takes what a lookup answered, or that it could not be made (null): that is no evidence of anything.</summary>
    public void TakeLookup(StatusLookupNeed need, ProviderStatus? answer, DateTimeOffset at)
    {
        var watchLookup = IsFinal && watchLookups.TryPeek(out var watchAt) && at >= watchAt;
        MarkServed(at, watchLookup);
        lastLookupUnanswered = answer is null;
        if (answer is not null)
        {
            lastLookupMissedSession = answer.SessionMissing;
            Apply(answer, need.Source, need.Detail ?? "status lookup", at);
        }

        hints.Looked(at, IsFinal || (answer?.Status is { } answered && answered.IsTerminal()));
        if (lateClaim is { } claim && ledger.LatePayment is null)
        {
            ledger.Flag(ReviewReason.ContradictedClaim, CheckoutNotes.Contradicted(claim, terms.Provider, answer), at);
        }

        lateClaim = null;
        if (watchLookup && answer is null)
        {
            ledger.Flag(ReviewReason.ProviderUnreachable, CheckoutNotes.WatchUnanswered(terms.Provider, at), at);
        }

        watchAnswered |= watchLookup && answer is not null && watchLookups.Count == 0;
    }

    /// <summary>Moves the checkout on at this moment: a cancel, the deadline, the grace after it.</summary>
    public void Advance(DateTimeOffset now)
    {
        if (IsFinal || session is null)
        {
            return;
        }

        var asked = !Capabilities.StatusLookup;
        if (cancel is { } request && (cancelAsked || asked))
        {
            FlagUnconfirmedEnd(now, "Cancelled");
            Conclude(PaymentStatus.Cancelled, StatusSource.Cancel, null, request.Reason ?? "Cancelled by the merchant.", now);
            return;
        }

        if (now < deadline || !(asked || deadlineAsked == deadline))
        {
            return;
        }

        if (!graceGiven && (ledger.Status == PaymentStatus.Processing || lastLookupUnanswered))
        {
            graceGiven = true;
            deadline += ProcessingGrace;
            polls!.Tighten(now, GracePollInterval);
            return;
        }

        FlagUnconfirmedEnd(now, "Expired");
        if (failedAttempt is { } failed)
        {
            Conclude(PaymentStatus.Failed, StatusSource.Expiry, failed.ProviderStatus, "The customer's attempt failed and nothing was paid by the deadline.", now, failed.Detail);
        }
        else
        {
            Conclude(PaymentStatus.Expired, StatusSource.Expiry, null, "No payment by the deadline.", now);
        }
    }

    /// <summary>When nothing new arrives, the moment the checkout must look again.</summary>
    public DateTimeOffset NextWakeUp()
    {
        var wakeUps = new List<DateTimeOffset>();
        if (!IsFinal)
        {
            wakeUps.Add(deadline);
            if (Capabilities.StatusLookup && polls is not null)
            {
                wakeUps.Add(polls.NextAt);
            }
        }
        else
        {
            wakeUps.Add(watchUntil ?? DateTimeOffset.MaxValue);
            if (watchLookups.TryPeek(out var watchAt))
            {
                wakeUps.Add(watchAt);
            }
        }

        if (Capabilities.StatusLookup && hints.NextLookupAt is { } hintAt)
        {
            wakeUps.Add(hintAt);
        }

        return wakeUps.Min();
    }

    /// <summary>After an unpaid end: read callbacks for a while longer, and ask the provider once more before the watch ends.</summary>
    public void BeginWatch(DateTimeOffset at)
    {
        watchUntil = at + terms.Plan.LateWindow;
        if (Capabilities.StatusLookup)
        {
            foreach (var after in terms.Plan.LateLookups)
            {
                watchLookups.Enqueue(at + after);
            }
        }
    }

    /// <summary>
    /// The watch has run its course: money was found, or its last lookup has an answer, or its window
    /// is over with no lookup left to make.
    /// </summary>
    public bool WatchOver(DateTimeOffset now) =>
        ledger.LatePayment is not null
        || (watchLookups.Count == 0 && hints.NextLookupAt is null && !confirmWanted && (watchAnswered || now >= watchUntil));

    public CheckoutSnapshot Snapshot(IReadOnlyList<NotificationRecord> notifications) => new(
        terms.CheckoutId,
        terms.MerchantId,
        terms.MerchantReference,
        terms.Provider,
        terms.Amount,
        ledger.Status,
        session is not null,
        providerStatus,
        session?.SessionId,
        session?.Reference,
        session?.PaymentId,
        session?.CheckoutUrl,
        session?.Action,
        terms.CreatedAt,
        session is null ? null : deadline,
        ledger.FinishedAt,
        ledger.FailureReason,
        createFailure,
        [.. ledger.ReviewNotes],
        [.. ledger.Timeline],
        terms.RequestFingerprint,
        ledger.LatePayment,
        watchUntil,
        notifications,
        terms.NotificationUrl,
        session?.CreatedAt);

    private void TakeHint(ProviderEvent hint, DateTimeOffset at)
    {
        hints.Received(hint);
        if (!IsFinal)
        {
            if (Capabilities.StatusLookup && hint.WorthALookup)
            {
                hints.WantLookup(at);
            }

            return;
        }

        if (!hint.ClaimsSuccess)
        {
            return;
        }

        if (Capabilities.StatusLookup)
        {
            hints.WantLookup(at);
        }
        else if (ledger.LatePayment is null)
        {
            ledger.Flag(ReviewReason.UnverifiedLateClaim, CheckoutNotes.UnverifiedLateClaim(terms.Provider, hint), at);
        }
    }

    private void MarkServed(DateTimeOffset at, bool watchLookup)
    {
        confirmWanted = false;
        if (cancel is not null)
        {
            cancelAsked = true;
        }

        if (!IsFinal && at >= deadline)
        {
            deadlineAsked = deadline;
        }

        if (polls is not null && at >= polls.NextAt)
        {
            polls.Advance(at);
        }

        if (watchLookup)
        {
            watchLookups.Dequeue();
        }
    }

    private void Apply(ProviderStatus status, StatusSource source, string? detail, DateTimeOffset at)
    {
        providerStatus = status.Raw;
        if (status.Reference is { } reference && reference != session!.Reference)
        {
            ledger.Flag(ReviewReason.ForeignReference, CheckoutNotes.AnswerForAnotherReference(terms.Provider, reference, session.Reference), at);
            return;
        }

        if (status.Status is not { } reported)
        {
            return;
        }

        if (reported == PaymentStatus.Succeeded && status.PaidAmount is { } paid && paid != terms.Amount.Value)
        {
            ledger.Flag(ReviewReason.AmountMismatch, CheckoutNotes.OtherAmount(terms.Provider, paid, terms.Amount, status.AmountDetail), at);
            return;
        }

        if (IsFinal)
        {
            if (reported == PaymentStatus.Succeeded)
            {
                RecordLatePayment(status, source, detail ?? "status lookup", at);
            }

            return;
        }

        if (reported == PaymentStatus.Failed && !Capabilities.SessionClosesOnFailure)
        {
            ledger.AttemptFailed(source, at, status.Raw, status.FailureReason ?? detail);
            failedAttempt = ledger.Timeline[^1];
            return;
        }

        Conclude(reported, source, status.Raw, detail, at, status.FailureReason);
    }

    private void Conclude(PaymentStatus status, StatusSource source, string? raw, string? detail, DateTimeOffset at, string? failureReason = null)
    {
        if (status.IsTerminal() && status != PaymentStatus.Succeeded)
        {
            if (unconfirmedSuccess is { } claim)
            {
                ledger.Flag(ReviewReason.UnconfirmedSuccess, CheckoutNotes.Unconfirmed(claim, terms.Provider), at);
            }

            if (lastLookupMissedSession && Capabilities.LookupFindsUnpaidSessions)
            {
                ledger.Flag(ReviewReason.SessionMissing, CheckoutNotes.SessionMissing(terms.Provider, session), at);
            }
        }

        ledger.Record(status, source, at, raw, detail, failureReason);
    }

    /// <summary>An unpaid end nobody could confirm: no lookup exists, or the last one went unanswered.</summary>
    private void FlagUnconfirmedEnd(DateTimeOffset at, string endedAs)
    {
        if (!Capabilities.StatusLookup)
        {
            ledger.Flag(ReviewReason.NoLookupToConfirm, CheckoutNotes.NoLookup(endedAs, hints), at);
        }
        else if (lastLookupUnanswered)
        {
            ledger.Flag(ReviewReason.ProviderUnreachable, CheckoutNotes.Unreachable(endedAs, terms.Provider), at);
        }
    }

    private void RecordLatePayment(ProviderStatus status, StatusSource source, string evidence, DateTimeOffset at)
    {
        var payment = new LatePayment(
            terms.Amount with { Value = status.PaidAmount ?? terms.Amount.Value },
            status.Raw,
            session?.SessionId,
            session?.PaymentId,
            session?.Reference,
            at,
            source,
            evidence);
        if (ledger.RecordLatePayment(payment))
        {
            ledger.Flag(ReviewReason.LatePayment, CheckoutNotes.LatePayment(ledger.Status), at);
        }
    }

    /// <summary>Waftpay returns no id at create; the newest id its authenticated callbacks name is the one its query is asked by.</summary>
    private void LearnPaymentId(ProviderEvent callback)
    {
        if (callback.ProviderPaymentId is { Length: > 0 } paymentId && session is not null && session.PaymentId != paymentId)
        {
            session = session with { PaymentId = paymentId };
        }
    }
}
