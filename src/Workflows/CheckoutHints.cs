using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Workflows;

/// <summary>
/// The unauthenticated callbacks a checkout received. However many arrive, they buy at most one
/// lookup per <see cref="Checkout.HintInterval"/>, and a lookup they led to that found nothing final
/// is repeated once an interval later (a hint dropped at the door meanwhile is covered by it).
/// </summary>
public sealed class CheckoutHints
{
    private DateTimeOffset? wantedFrom;
    private DateTimeOffset lastLookup = DateTimeOffset.MinValue;
    private bool followingUp;

    public int Count { get; private set; }

    public ProviderEvent? Last { get; private set; }

    /// <summary>When the lookup they ask for may be made, or null when none is wanted.</summary>
    public DateTimeOffset? NextLookupAt =>
        wantedFrom is { } from ? (from > lastLookup + Checkout.HintInterval ? from : lastLookup + Checkout.HintInterval) : null;

    public void Received(ProviderEvent hint)
    {
        Count++;
        Last = hint;
    }

    public void WantLookup(DateTimeOffset at) => wantedFrom ??= at;

    public bool LookupDue(DateTimeOffset now) => NextLookupAt <= now;

    /// <summary>A lookup was made at <paramref name="at"/>; <paramref name="settled"/> when it left nothing to follow up.</summary>
    public void Looked(DateTimeOffset at, bool settled)
    {
        if (wantedFrom is not { } from || from > at)
        {
            return;
        }

        lastLookup = at;
        var followUp = !settled && !followingUp;
        wantedFrom = followUp ? at + Checkout.HintInterval : null;
        followingUp = followUp;
    }
}
