using CheckoutOrchestrator.Providers;

namespace CheckoutOrchestrator.Workflows.Rules;

/// <summary>
/// After an unpaid end: how long callbacks are still read, the lookups still to make, and whether
/// the last of them got an answer. A continued run carries the lookups left.
/// </summary>
public sealed class LateWatch
{
    private readonly Queue<DateTimeOffset> lookups;
    private bool lastAnswered;

    public LateWatch(DateTimeOffset? until = null, IEnumerable<DateTimeOffset>? lookupsLeft = null)
    {
        Until = until;
        lookups = new(lookupsLeft ?? []);
    }

    public DateTimeOffset? Until { get; private set; }

    public IReadOnlyList<DateTimeOffset> LookupsLeft => [.. lookups];

    public DateTimeOffset? NextLookupAt => lookups.TryPeek(out var at) ? at : null;

    public void Begin(DateTimeOffset at, PollPlan plan, bool canLookUp)
    {
        Until = at + plan.LateWindow;
        if (canLookUp)
        {
            foreach (var after in plan.LateLookups)
            {
                lookups.Enqueue(at + after);
            }
        }
    }

    public bool LookupDue(DateTimeOffset now) => NextLookupAt <= now;

    /// <summary>A lookup made at <paramref name="at"/> after the end: true when it was the watch's own.</summary>
    public bool Looked(DateTimeOffset at, bool answered)
    {
        if (!LookupDue(at))
        {
            return false;
        }

        lookups.Dequeue();
        lastAnswered |= answered && lookups.Count == 0;
        return true;
    }

    /// <summary>No lookup left, and the last one answered or the window is over.</summary>
    public bool Done(DateTimeOffset now) => lookups.Count == 0 && (lastAnswered || now >= Until);
}
