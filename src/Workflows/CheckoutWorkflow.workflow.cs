using CheckoutOrchestrator.Activities;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;
using Microsoft.Extensions.Logging;
using Temporalio.Common;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace CheckoutOrchestrator.Workflows;

/// <summary>
/// One checkout: open the provider's session, hand its URL (or the action to take) back at once,
/// then follow the payment to one final status from callbacks, polls and the expiry deadline.
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
    private readonly DateTimeOffset createdAt;
    private ProviderSession? session;
    private CheckoutFailure? createFailure;
    private DateTimeOffset deadline;
    private string? providerStatus;

    [WorkflowInit]
    public CheckoutWorkflow(CheckoutWorkflowInput input)
    {
        this.input = input;
        createdAt = Workflow.UtcNow;
        deadline = createdAt.AddSeconds(input.Request.ExpiresInSeconds);
    }

    [WorkflowQuery]
    public CheckoutSnapshot Snapshot => new(
        input.CheckoutId,
        input.Request.MerchantId,
        input.Request.MerchantReference,
        input.Request.Provider,
        input.Request.Amount,
        ledger.Status,
        session is not null,
        providerStatus,
        session?.SessionId,
        session?.Reference,
        session?.PaymentId,
        session?.CheckoutUrl,
        session?.Action,
        createdAt,
        session is null ? null : deadline,
        ledger.FinishedAt,
        ledger.FailureReason,
        createFailure,
        ledger.ReviewNotes,
        ledger.Timeline,
        input.RequestFingerprint);

    private ProviderCapabilities Capabilities => input.Capabilities;

    [WorkflowRun]
    public async Task<CheckoutSnapshot> RunAsync(CheckoutWorkflowInput input)
    {
        if (await OpenSessionAsync())
        {
            await FollowPaymentAsync();
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

    /// <summary>Every provider call: the one retry layer, with the error types a call must not retry.</summary>
    private static ActivityOptions ProviderCallOptions(IReadOnlyCollection<string> nonRetryableErrorTypes) => new()
    {
        StartToCloseTimeout = TimeSpan.FromSeconds(45),
        ScheduleToCloseTimeout = TimeSpan.FromMinutes(2),
        RetryPolicy = new RetryPolicy
        {
            InitialInterval = TimeSpan.FromSeconds(1),
            BackoffCoefficient = 2,
            MaximumInterval = TimeSpan.FromSeconds(15),
            NonRetryableErrorTypes = nonRetryableErrorTypes,
        },
    };

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
            ledger.Record(PaymentStatus.Failed, StatusSource.Created, Workflow.UtcNow, null, $"No session was opened: {createFailure.Message}");
            if (createFailure.Type == ProviderErrorTypes.CreateOutcomeUnknown)
            {
                ledger.Flag("The provider may hold a session for this checkout that nobody can pay: reconcile in its dashboard.");
            }

            PublishStatus();
            return false;
        }

        // Never expire while the provider may still take the payment.
        if (session.ExpiresAt is { } providerDeadline && providerDeadline > deadline)
        {
            deadline = providerDeadline;
        }

        providerStatus = session.Status.Raw;
        ledger.Open(session.Status.Status ?? PaymentStatus.Pending, Workflow.UtcNow, session.Status.Raw);
        Workflow.UpsertTypedSearchAttributes(
            CheckoutSearchAttributes.Status.ValueSet(ledger.Status.ToString()),
            CheckoutSearchAttributes.ProviderKeys.ValueSet(new[] { session.SessionId, session.PaymentId, session.Reference }.OfType<string>().ToList()));
        return true;
    }

    private async Task FollowPaymentAsync()
    {
        var polls = new PollSchedule(Workflow.UtcNow);
        var graceGiven = false;
        while (!ledger.IsFinal)
        {
            var wakeAt = Capabilities.StatusLookup && polls.NextAt < deadline ? polls.NextAt : deadline;
            var wait = wakeAt - Workflow.UtcNow;
            if (inbox.Count == 0 && wait > TimeSpan.Zero)
            {
                await Workflow.WaitConditionAsync(() => inbox.Count > 0, wait);
            }

            var confirm = ApplyCallbacks();
            if (ledger.IsFinal)
            {
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
    }

    /// <summary>Applies authoritative callbacks; returns whether an unauthenticated one asks for a lookup.</summary>
    private bool ApplyCallbacks()
    {
        var lookupRequested = false;
        while (inbox.TryDequeue(out var providerEvent))
        {
            if (!providerEvent.IsAuthoritative || providerEvent.Status is null)
            {
                lookupRequested = true;
                continue;
            }

            if (providerEvent.ProviderReference is { } reference && reference != session!.Reference)
            {
                ledger.Flag($"A callback for reference {reference} reached this checkout (reference {session.Reference}) and was ignored.");
                continue;
            }

            if (providerEvent.ReviewNote is { } note)
            {
                ledger.Flag(note);
            }

            Apply(providerEvent.Status, StatusSource.Webhook, null);
        }

        return lookupRequested && Capabilities.StatusLookup;
    }

    private async Task LookUpAsync(StatusSource source, string? detail)
    {
        try
        {
            var status = await Workflow.ExecuteActivityAsync(
                (CheckoutActivities a) => a.GetStatusAsync(new StatusLookupInput(input.CheckoutId, input.Request.Provider, session!)),
                ProviderCallOptions([]));
            Apply(status, source, detail);
        }
        catch (ActivityFailureException failure)
        {
            // A lookup is a fallback: the next callback, poll or the deadline check carries on.
            Workflow.Logger.LogWarning(failure, "Status lookup for checkout {CheckoutId} failed", input.CheckoutId);
        }
    }

    private void Apply(ProviderStatus status, StatusSource source, string? detail)
    {
        providerStatus = status.Raw;
        if (status.Status is not { } reported)
        {
            Workflow.Logger.LogWarning(
                "{Provider} reported unrecognised status {ProviderStatus} for checkout {CheckoutId}; it keeps status {Status}",
                input.Request.Provider,
                status.Raw,
                input.CheckoutId,
                ledger.Status);
            return;
        }

        var expected = input.Request.Amount.Value;
        if (reported == PaymentStatus.Succeeded && status.PaidAmount is { } paid && paid != expected)
        {
            ledger.Flag($"{input.Request.Provider} reported success for {paid} {input.Request.Amount.Currency}, not the {expected} asked for; not taken as success.");
            return;
        }

        if (ledger.Record(reported, source, Workflow.UtcNow, status.Raw, detail, status.FailureReason))
        {
            PublishStatus();
        }
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

        ledger.Record(PaymentStatus.Expired, StatusSource.Expiry, Workflow.UtcNow, null, detail);
        PublishStatus();
    }

    /// <summary>Keeps the status operators filter by in Temporal UI in step with the ledger.</summary>
    private void PublishStatus() => Workflow.UpsertTypedSearchAttributes(CheckoutSearchAttributes.Status.ValueSet(ledger.Status.ToString()));

    // Where nothing stops a second session, an attempt cut short (worker died mid-request)
    // is not retried: the failure says the outcome is unknown instead.
    private ActivityOptions CreateSessionOptions() => ProviderCallOptions(
        Capabilities.CreateRetry == CreateRetrySafety.None ? ["TemporalTimeout:StartToClose", "TemporalTimeout:Heartbeat"] : []);
}
