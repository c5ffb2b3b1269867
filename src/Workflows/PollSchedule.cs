namespace CheckoutOrchestrator.Workflows;

/// <summary>
/// When to ask the provider if no callback came: soon after opening, then ever more rarely, since
/// callbacks are the main signal and every poll costs Temporal actions and provider quota.
/// </summary>
public sealed class PollSchedule
{
    private static readonly TimeSpan[] Backoff =
    [
        TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8),
    ];

    private static readonly TimeSpan Steady = TimeSpan.FromMinutes(15);
    private int pollsDone;
    private TimeSpan? overrideInterval;

    public PollSchedule(DateTimeOffset openedAt)
    {
        NextAt = openedAt + Backoff[0];
    }

    public DateTimeOffset NextAt { get; private set; }

    public void Advance(DateTimeOffset now)
    {
        pollsDone++;
        NextAt = now + (overrideInterval ?? (pollsDone < Backoff.Length ? Backoff[pollsDone] : Steady));
    }

    /// <summary>Polls at a fixed, shorter interval from now on (a payment in flight at the deadline).</summary>
    public void Tighten(DateTimeOffset now, TimeSpan interval)
    {
        overrideInterval = interval;
        NextAt = now + interval;
    }
}
