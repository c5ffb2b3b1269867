using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Providers;

namespace CheckoutOrchestrator.Workflows.Rules;

/// <summary>
/// The rules of one checkout, from its open session to its end and the watch after it. Pure and
/// deterministic (time is a parameter, nothing here calls Temporal), so both checkout workflows
/// share it and plain unit tests cover it. Each part of its state has an owner that guards it:
/// the ledger, the provider's session, the lookups, the deadline, the callbacks' claims, the cancel
/// and the watch.
/// </summary>
public sealed class Checkout
{
    private readonly CheckoutLedger ledger;
    private readonly SessionRecord provider;
    private readonly CheckoutDeadline deadline;
    private readonly LateWatch watch;
    private readonly LookupLog lookups;
    private readonly CallbackClaims claims;
    private readonly PendingCancel cancel = new();
    private CheckoutTerms terms;

    private Checkout(CheckoutTerms terms, CheckoutLedger ledger, SessionRecord provider, CheckoutDeadline deadline, LateWatch watch, LookupLog lookups, CallbackClaims claims)
    {
        this.terms = terms;
        this.ledger = ledger;
        this.provider = provider;
        this.deadline = deadline;
        this.watch = watch;
        this.lookups = lookups;
        this.claims = claims;
    }

    public PaymentStatus Status => ledger.Status;

    public bool IsFinal => ledger.IsFinal;

    public ProviderSession? Session => provider.Session;

    public DateTimeOffset Deadline => deadline.At;

    public DateTimeOffset? WatchUntil => watch.Until;

    public bool CancelRequested => cancel.Request is not null;

    /// <summary>The watch lookups still to make, for a continued run to carry on with.</summary>
    public IReadOnlyList<DateTimeOffset> PendingWatchLookups => watch.LookupsLeft;

    private CheckoutOutcomes Outcomes => new(terms, ledger, provider, claims, lookups);

    private bool CanLookUp => terms.Capabilities.StatusLookup;

    private LookupRules Lookups => new(terms, ledger, provider, lookups, claims, cancel, deadline, watch, Outcomes);

    /// <summary>A checkout whose workflow has just started, before its session exists.</summary>
    public static Checkout Start(CheckoutTerms terms) =>
        new(terms, new CheckoutLedger(), SessionRecord.Before(terms), new CheckoutDeadline(terms.CreatedAt.AddSeconds(terms.ExpiresInSeconds)), new LateWatch(), new(), new());

    /// <summary>A checkout that has ended, to go on reading what the provider says: its reconciliation, or its own watch in a continued run.</summary>
    public static Checkout Resume(CheckoutTerms terms, CheckoutSnapshot ended, DateTimeOffset? watchUntil = null, IEnumerable<DateTimeOffset>? watchLookups = null)
    {
        var session = new SessionRecord(ended.Routing, ended.SessionOpened ? ended.Session() : null, ended.ProviderStatus);
        var deadline = new CheckoutDeadline(ended.ExpiresAt ?? terms.CreatedAt);
        return new(terms.RoutedTo(ended.Provider) ?? terms, new CheckoutLedger(ended), session, deadline, new LateWatch(watchUntil, watchLookups), new(), new());
    }

    /// <summary>A checkout still open, carried into a new run of its workflow (continue-as-new): as its snapshot and carry say.</summary>
    public static Checkout Continue(CheckoutTerms terms, CheckoutSnapshot open, CheckoutCarry carry)
    {
        var session = new SessionRecord(open.Routing, open.Session(), open.ProviderStatus);
        var deadline = new CheckoutDeadline(carry.Deadline, terms.Plan);
        return new(terms.RoutedTo(open.Provider) ?? terms, new CheckoutLedger(open), session, deadline, new LateWatch(), LookupLog.From(carry.Lookups), CallbackClaims.From(carry.Claims));
    }

    /// <summary>What a new run needs beside the snapshot to go on exactly where this one stands.</summary>
    public CheckoutCarry Carry() => new(deadline.State, lookups.State, claims.State);

    /// <summary>The session is open: the deadline is ours, or the provider's if it keeps the session longer.</summary>
    public void Opened(ProviderSession opened, DateTimeOffset at)
    {
        if (opened.Provider is { } alternative && terms.RoutedTo(alternative) is { } rerouted)
        {
            terms = rerouted;
            // The first choice proved it holds no session; the checkout is the alternative's from here on.
            provider.FailedOver(alternative, opened.PassedOver ?? []);
            ledger.FailedOver($"Opened at {alternative.ToSlug()}; passed over {string.Join("; ", provider.Routing!.PassedOver)}", terms.CreatedAt);
        }

        provider.Opened(opened);
        deadline.Open(at, terms.Plan, opened.ExpiresAt, terms.CreatedAt + CheckoutLife.LongestDeadline, terms.Changes);
        ledger.Open(opened.Status.Status ?? PaymentStatus.Pending, terms.CreatedAt, opened.Status.Raw);
    }

    public void OpenFailed(CheckoutFailure failure, DateTimeOffset at)
    {
        provider.OpenFailed(failure);
        if (failure.Type == ProviderErrorTypes.CreateOutcomeUnknown)
        {
            ledger.Flag(ReviewReason.CreateOutcomeUnknown, "The provider may hold a session for this checkout that nobody can pay: reconcile in its dashboard.", at);
        }

        ledger.Record(PaymentStatus.Failed, StatusSource.Created, at, null, $"No session was opened: {failure.Message}");
    }

    /// <summary>The merchant asks to stop; the checkout ends at its next step, after a lookup asked after the cancel.</summary>
    public void RequestCancel(CancelRequest request) => cancel.Take(request, lookups.NewsArrived());

    /// <summary>An operator's resolution of an open review note; see <see cref="ReviewDesk"/>.</summary>
    public void Resolve(ReviewReason reason, ReviewResolution resolution) => new ReviewDesk(terms, ledger, provider).Resolve(reason, resolution);

    /// <summary>Takes a provider callback; see <see cref="CallbackRules"/>.</summary>
    public CallbackOutcome Take(ProviderEvent callback, DateTimeOffset at) =>
        new CallbackRules(terms, ledger, provider, claims, Outcomes).Take(callback, lookups.NewsArrived(), at);

    /// <summary>The lookup due now, if any: one lookup serves every reason it is due for.</summary>
    public StatusLookupNeed? LookupDue(DateTimeOffset now) => Lookups.Due(now);

    /// <summary>
    /// Takes what a lookup answered, or that it could not be made (null): that is no evidence of
    /// anything. It settles only what arrived before it was asked.
    /// </summary>
    public void TakeLookup(StatusLookupNeed need, ProviderStatus? answer, DateTimeOffset at) => Lookups.Take(need, answer, at);

    /// <summary>
    /// Moves the checkout on at this moment: a cancel, the deadline, the grace after it. None of them
    /// ends it while a claim waits for a lookup asked after it arrived.
    /// </summary>
    public void Advance(DateTimeOffset now) => new EndRules(terms, ledger, provider, lookups, claims, cancel, deadline, Outcomes).Advance(now);

    /// <summary>When nothing new arrives, the moment the checkout must look again.</summary>
    public DateTimeOffset NextWakeUp()
    {
        DateTimeOffset?[] wakeUps = IsFinal
            ? [watch.Until ?? DateTimeOffset.MaxValue, watch.NextLookupAt]
            : [deadline.At, CanLookUp ? deadline.NextPollAt : null];
        return wakeUps.Append(CanLookUp ? claims.Hints.NextLookupAt : null).OfType<DateTimeOffset>().Min();
    }

    /// <summary>After an unpaid end: read callbacks for a while longer, and ask the provider once more before the watch ends.</summary>
    public void BeginWatch(DateTimeOffset at) => watch.Begin(at, terms.Plan, CanLookUp);

    /// <summary>The watch has run its course: money was found, or its last lookup has an answer, or its window is over with no lookup left.</summary>
    public bool WatchOver(DateTimeOffset now) =>
        ledger.LatePayment is not null || (watch.Done(now) && claims.Hints.NextLookupAt is null && !claims.ConfirmationWanted);

    public CheckoutSnapshot Snapshot(IReadOnlyList<NotificationRecord> notifications) => CheckoutSnapshot.Of(terms, ledger, provider, deadline.At, watch.Until, notifications);
}
