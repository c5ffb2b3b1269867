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
public sealed partial class Checkout
{
    /// <summary>How much longer a payment in flight (or a provider that cannot be asked) is followed past the deadline.</summary>
    public static readonly TimeSpan ProcessingGrace = TimeSpan.FromMinutes(10);

    /// <summary>How often the provider is asked during the grace.</summary>
    public static readonly TimeSpan GracePollInterval = TimeSpan.FromMinutes(2);

    /// <summary>At most one lookup per this interval, however many unauthenticated callbacks ask for one.</summary>
    public static readonly TimeSpan HintInterval = TimeSpan.FromMinutes(1);

    private readonly CheckoutLedger ledger;
    private readonly HashSet<string> seenEventIds = new(StringComparer.Ordinal);
    private readonly CheckoutHints hints = new();
    private readonly Queue<DateTimeOffset> watchLookups = new();
    private CheckoutTerms terms;
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
    private RoutingView? routing;

    private Checkout(CheckoutTerms terms, CheckoutLedger ledger)
    {
        this.terms = terms;
        this.ledger = ledger;
        deadline = terms.CreatedAt.AddSeconds(terms.ExpiresInSeconds);
        routing = terms.Alternatives is { } alternatives
            ? new RoutingView([terms.Provider.ToSlug(), .. alternatives.Select(r => r.Provider.ToSlug())], terms.Provider.ToSlug(), false, [])
            : null;
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
            routing = ended.Routing,
        };
        checkout.SwitchTo(ended.Provider);
        foreach (var at in watchLookups ?? [])
        {
            checkout.watchLookups.Enqueue(at);
        }

        return checkout;
    }

    /// <summary>The session is open: the deadline is ours, or the provider's if it keeps the session longer.</summary>
    public void Opened(ProviderSession opened, DateTimeOffset at)
    {
        if (opened.Provider is { } provider && SwitchTo(provider))
        {
            // The first choice proved it holds no session; the checkout is the alternative's from here on.
            routing = routing! with { Chosen = provider.ToSlug(), FailedOver = true, PassedOver = opened.PassedOver ?? [] };
            ledger.FailedOver($"Opened at {provider.ToSlug()}; passed over {string.Join("; ", routing.PassedOver)}", terms.CreatedAt);
        }

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
        session?.CreatedAt,
        routing);

    private bool SwitchTo(PaymentProvider provider)
    {
        if (provider == terms.Provider || terms.Alternatives?.FirstOrDefault(r => r.Provider == provider) is not { } route)
        {
            return false;
        }

        terms = terms with { Provider = provider, Capabilities = route.Capabilities, Plan = route.Polls };
        return true;
    }
}
