using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;

namespace CheckoutOrchestrator.Workflows.Rules;

/// <summary>
/// When an unpaid checkout ends: its deadline (the provider's, if it keeps the session longer), the
/// grace after it for a payment in flight or a provider that cannot be asked, and the polls until
/// then. The deadline counts as asked only by a lookup asked once it had come.
/// </summary>
public sealed class CheckoutDeadline
{
    /// <summary>How much longer a payment in flight (or a provider that cannot be asked) is followed past the deadline.</summary>
    public static readonly TimeSpan ProcessingGrace = CheckoutLife.ProcessingGrace;

    /// <summary>How often the provider is asked during the grace.</summary>
    public static readonly TimeSpan GracePollInterval = TimeSpan.FromMinutes(2);

    private PollSchedule? polls;
    private DateTimeOffset? asked;
    private bool graceGiven;

    public CheckoutDeadline(DateTimeOffset at) => At = at;

    /// <summary>A deadline carried from an earlier run of the same checkout.</summary>
    public CheckoutDeadline(DeadlineState carried, PollPlan plan)
    {
        At = carried.At;
        graceGiven = carried.GraceGiven;
        asked = carried.Asked;
        polls = carried.Polls is { } poll ? PollSchedule.From(plan, poll) : null;
    }

    public DateTimeOffset At { get; private set; }

    public DateTimeOffset? NextPollAt => polls?.NextAt;

    /// <summary>Where the deadline stands, for a continued run.</summary>
    public DeadlineState State => new(At, graceGiven, asked, polls?.State);

    /// <summary>A lookup has been made at the deadline as it stands.</summary>
    public bool Asked => asked == At;

    /// <summary>
    /// The session is open: the polls start, and a provider that keeps it longer moves the deadline, up to
    /// <paramref name="latest"/> (<see cref="CheckoutLife.LongestDeadline"/> after the start): money paid on its
    /// page after that is a late payment the watch finds.
    /// </summary>
    public void Open(DateTimeOffset openedAt, PollPlan plan, DateTimeOffset? providerDeadline, DateTimeOffset latest, IRuleChanges rules)
    {
        if (providerDeadline is { } later && later > At)
        {
            At = later > latest && rules.ProviderDeadlineIsCapped ? latest : later;
        }

        polls = new PollSchedule(openedAt, plan);
    }

    public bool Passed(DateTimeOffset now) => now >= At;

    public bool PollDue(DateTimeOffset now) => polls is not null && now >= polls.NextAt;

    /// <summary>A lookup asked at <see cref="StatusLookupNeed.AskedAt"/> answered at <paramref name="at"/>.</summary>
    public void Looked(StatusLookupNeed need, DateTimeOffset at, bool ended, IRuleChanges rules)
    {
        if (!ended && at >= At && (need.AskedAt >= At || !rules.LookupsAnswerOnlyForEarlierNews))
        {
            asked = At;
        }

        if (polls is not null && at >= polls.NextAt)
        {
            polls.Advance(at);
        }
    }

    /// <summary>Moves the deadline on by the grace and polls closer meanwhile; false when the grace was given before.</summary>
    public bool GiveGrace(DateTimeOffset now)
    {
        if (graceGiven)
        {
            return false;
        }

        graceGiven = true;
        At += ProcessingGrace;
        polls!.Tighten(now, GracePollInterval);
        return true;
    }
}

/// <summary>Where a checkout's deadline stands: when, whether the grace was given, whether it was asked, and its polls.</summary>
public sealed record DeadlineState(DateTimeOffset At, bool GraceGiven, DateTimeOffset? Asked, PollState? Polls);
