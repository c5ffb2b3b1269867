using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Workflows.Rules;

/// <summary>
/// The unauthenticated callbacks a checkout received. However many arrive, they buy at most one
/// lookup per <see cref="Interval"/>, and a lookup they led to that found nothing final is repeated
/// once an interval later (a hint dropped at the door meanwhile is covered by it).
/// </summary>
public sealed class CheckoutHints
{
    /// <summary>At most one lookup per this interval, however many unauthenticated callbacks ask for one.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private DateTimeOffset? wantedFrom;
    private DateTimeOffset lastLookup = DateTimeOffset.MinValue;
    private bool followingUp;

    /// <summary>Where the hints stand, for a continued run.</summary>
    public HintState State => new(wantedFrom, lastLookup, followingUp, Count, Last);

    public int Count { get; private set; }

    public ProviderEvent? Last { get; private set; }

    /// <summary>When the lookup they ask for may be made, or null when none is wanted.</summary>
    public DateTimeOffset? NextLookupAt =>
        wantedFrom is { } from ? (from > lastLookup + Interval ? from : lastLookup + Interval) : null;

    /// <summary>Hints carried from an earlier run.</summary>
    public static CheckoutHints From(HintState state) => new()
    {
        wantedFrom = state.WantedFrom,
        lastLookup = state.LastLookup,
        followingUp = state.FollowingUp,
        Count = state.Count,
        Last = state.Last,
    };

    public void Received(ProviderEvent hint)
    {
        Count++;
        Last = hint;
    }

    public void WantLookup(DateTimeOffset at) => wantedFrom ??= at;

    public bool LookupDue(DateTimeOffset now) => NextLookupAt <= now;

    /// <summary>
    /// A lookup was made; <paramref name="settled"/> when it left nothing to follow up. One asked
    /// before the first hint arrived serves none of them: they get their own, an interval later.
    /// </summary>
    public void Looked(StatusLookupNeed need, DateTimeOffset at, bool settled, IRuleChanges rules)
    {
        if (wantedFrom is not { } from || from > at)
        {
            return;
        }

        if (from > need.AskedAt && rules.LookupsAnswerOnlyForEarlierNews)
        {
            lastLookup = need.AskedAt;
            return;
        }

        lastLookup = at;
        var followUp = !settled && !followingUp;
        wantedFrom = followUp ? at + Interval : null;
        followingUp = followUp;
    }
}

/// <summary>Where a checkout's hints stand: a lookup wanted since when, the last one, and what they said.</summary>
public sealed record HintState(DateTimeOffset? WantedFrom, DateTimeOffset LastLookup, bool FollowingUp, int Count, ProviderEvent? Last);
