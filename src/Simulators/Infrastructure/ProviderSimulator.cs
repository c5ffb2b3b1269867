using System.Collections.Concurrent;

namespace CheckoutOrchestrator.Simulators.Infrastructure;

/// <summary>
/// What every simulated provider shares: its sessions, tokens, counters and callbacks, and the
/// customer's choices on its hosted page (or phone), which each provider turns into its own statuses.
/// </summary>
public abstract class ProviderSimulator
{
    protected ProviderSimulator(CallbackSender callbacks, TimeProvider time)
    {
        Callbacks = callbacks;
        Time = time;
        Tokens = new TokenIssuer(time);
    }

    /// <summary>The path prefix, e.g. "lakipay".</summary>
    public abstract string Slug { get; }

    public abstract string DisplayName { get; }

    public TokenIssuer Tokens { get; }

    public SimulatorStats Stats { get; } = new();

    public IEnumerable<SimulatedSession> All => Sessions.Values.OrderByDescending(s => s.CreatedAt);

    public virtual bool CanCancel => true;

    /// <summary>Where the person goes after a choice that redirects nowhere (a phone's list of prompts).</summary>
    public virtual string? BackLink => null;

    /// <summary>
    /// A failed attempt leaves the hosted page open so the customer may try again (another card,
    /// a topped-up wallet): switched with PUT /simulator/{provider}/page?retryAfterFailure=true.
    /// </summary>
    public bool RetryAfterFailure { get; set; }

    /// <summary>
    /// The status lookup has lost every session it knew and answers "not found", as a provider that
    /// archived or mislaid them would: switched with PUT /simulator/{provider}/lookup?forgets=true.
    /// </summary>
    public bool LookupForgets { get; set; }

    protected ConcurrentDictionary<string, SimulatedSession> Sessions { get; } = new(StringComparer.Ordinal);

    protected CallbackSender Callbacks { get; }

    protected TimeProvider Time { get; }

    /// <summary>The sessions a status lookup can see (none once it has lost them).</summary>
    protected IEnumerable<SimulatedSession> Known => LookupForgets ? [] : All;

    public virtual SimulatedSession? FindForPage(string pageId) => Sessions.GetValueOrDefault(pageId);

    /// <summary>The buttons offered to pay, as (method code, label).</summary>
    /// <summary>What the page says the payment is for.</summary>
    public virtual string PageLine(SimulatedSession session) => session.Description ?? session.Reference ?? session.Id;

    /// <summary>The provider's own prompt above the buttons, where it shows one (a phone's approval prompt).</summary>
    public virtual string? Prompt(SimulatedSession session) => null;

    public virtual IReadOnlyList<(string Method, string Label)> PayOptions(SimulatedSession session) =>
        [.. session.Methods.DefaultIfEmpty("DEFAULT").Select(m => (m, $"Pay with {m}"))];

    /// <summary>
    /// Applies a customer's choice once and says where to send the customer next (null: stay on
    /// the page). A finished session ignores further clicks.
    /// </summary>
    public (bool Applied, Uri? Redirect) Decide(SimulatedSession session, CustomerChoice choice, CustomerClick click)
    {
        lock (session.Sync)
        {
            ExpireIfDue(session);
            if (session.IsFinal)
            {
                return (false, null);
            }

            var now = Time.GetUtcNow();
            switch (choice)
            {
                case CustomerChoice.Pay:
                    session.PaidWith = click.Method;
                    session.PaidAt = now;
                    Send(OnPaid(session, now), click.CallbacksLost);
                    return (true, session.SuccessUrl);
                case CustomerChoice.Fail:
                    Send(OnFailed(session, now), click.CallbacksLost);
                    if (click.PageStaysOpen ?? RetryAfterFailure)
                    {
                        session.Reopen();
                        return (true, null);
                    }

                    return (true, session.FailureUrl);
                default:
                    Send(OnCancelled(session, now), click.CallbacksLost);
                    return (true, session.CancelUrl ?? session.FailureUrl);
            }
        }
    }

    /// <summary>Marks the session expired if its time is up, sending whatever callback the provider sends then.</summary>
    public void ExpireIfDue(SimulatedSession session)
    {
        lock (session.Sync)
        {
            var now = Time.GetUtcNow();
            if (!session.IsFinal && now >= session.ExpiresAt)
            {
                Send(OnExpired(session, now));
            }
        }
    }

    protected static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    protected static string? BearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : null;

    protected SimulatedSession Add(SimulatedSession session) => Sessions[session.Id] = session;

    /// <summary>A session as a status lookup finds it, brought up to date first.</summary>
    protected SimulatedSession? Find(string id)
    {
        var session = LookupForgets ? null : Sessions.GetValueOrDefault(id);
        if (session is not null)
        {
            ExpireIfDue(session);
        }

        return session;
    }

    /// <summary>Moves the session to paid and returns its callbacks in natural order.</summary>
    protected abstract IReadOnlyList<OutgoingCallback> OnPaid(SimulatedSession session, DateTimeOffset now);

    protected abstract IReadOnlyList<OutgoingCallback> OnFailed(SimulatedSession session, DateTimeOffset now);

    protected abstract IReadOnlyList<OutgoingCallback> OnCancelled(SimulatedSession session, DateTimeOffset now);

    protected abstract IReadOnlyList<OutgoingCallback> OnExpired(SimulatedSession session, DateTimeOffset now);

    private void Send(IReadOnlyList<OutgoingCallback> callbacks, bool? lost = null) => Callbacks.Send(Slug, callbacks, lost);
}
