using CheckoutOrchestrator.Providers;

namespace CheckoutOrchestrator.Workflows.Rules;

/// <summary>
/// When to ask the provider if no callback came: the plan's intervals in turn, the last repeating,
/// or a fixed shorter interval once a payment in flight at the deadline is being followed.
/// </summary>
public sealed class PollSchedule
{
    private readonly IReadOnlyList<TimeSpan> intervals;
    private int pollsDone;
    private TimeSpan? overrideInterval;

    public PollSchedule(DateTimeOffset openedAt, PollPlan plan)
    {
        intervals = plan.Intervals;
        NextAt = openedAt + intervals[0];
    }

    public DateTimeOffset NextAt { get; private set; }

    /// <summary>Where the schedule stands, for a continued run.</summary>
    public PollState State => new(NextAt, pollsDone, overrideInterval);

    /// <summary>A schedule carried from an earlier run.</summary>
    public static PollSchedule From(PollPlan plan, PollState state) =>
        new(DateTimeOffset.MinValue, plan) { NextAt = state.NextAt, pollsDone = state.PollsDone, overrideInterval = state.Override };

    public void Advance(DateTimeOffset now)
    {
        pollsDone++;
        NextAt = now + (overrideInterval ?? intervals[Math.Min(pollsDone, intervals.Count - 1)]);
    }

    /// <summary>Polls at a fixed, shorter interval from now on (a payment in flight at the deadline).</summary>
    public void Tighten(DateTimeOffset now, TimeSpan interval)
    {
        overrideInterval = interval;
        NextAt = now + interval;
    }
}

/// <summary>Where a poll schedule stands: its next poll, how many were made, and the grace's fixed interval if any.</summary>
public sealed record PollState(DateTimeOffset NextAt, int PollsDone, TimeSpan? Override);
