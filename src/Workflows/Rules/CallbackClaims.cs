using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Workflows.Rules;

/// <summary>
/// What callbacks claimed that only a lookup can settle. An authenticated claim waits for a lookup
/// asked after it arrived: one asked before read the provider too early to confirm or refute it. A
/// success claimed after the end is judged the same way. Unauthenticated callbacks only buy lookups
/// (<see cref="Hints"/>). A repeat of an authenticated callback is known by its id.
/// </summary>
public sealed class CallbackClaims
{
    /// <summary>How many lookups may leave a claim waiting for a later one: a flood of claims on a leaked URL cannot hold an end off for ever.</summary>
    public const int MaxDeferrals = 5;

    private readonly HashSet<string> seenEventIds = new(StringComparer.Ordinal);
    private int? confirmAfter;
    private ProviderEvent? lateClaim;
    private int lateClaimNews;
    private int deferrals;

    public CallbackClaims()
        : this(new CheckoutHints())
    {
    }

    private CallbackClaims(CheckoutHints hints) => Hints = hints;

    public CheckoutHints Hints { get; }

    /// <summary>What a continued run must still settle: a claim waiting for a lookup, the first unconfirmed success, and the hints.</summary>
    public ClaimsState State => new(ConfirmationWanted, UnconfirmedSuccess, deferrals, Hints.State);

    /// <summary>The first success a callback claimed before the end that no lookup has confirmed yet.</summary>
    public ProviderEvent? UnconfirmedSuccess { get; private set; }

    /// <summary>A claim waits for a lookup asked after it.</summary>
    public bool ConfirmationWanted => confirmAfter is not null;

    /// <summary>
    /// Claims carried from an earlier run (an open checkout only: a late claim is never carried). A
    /// claim that waited is settled by the new run's first lookup; ids seen before are forgotten, so a
    /// provider's retry of one is weighed again, which changes nothing.
    /// </summary>
    public static CallbackClaims From(ClaimsState state) => new(CheckoutHints.From(state.Hints))
    {
        confirmAfter = state.ConfirmationWanted ? 0 : null,
        UnconfirmedSuccess = state.UnconfirmedSuccess,
        deferrals = state.Deferrals,
    };

    /// <summary>False for a callback seen before (a provider's retry).</summary>
    public bool FirstSight(ProviderEvent callback) => seenEventIds.Add(callback.EventId);

    /// <summary>A claim before the end, the <paramref name="news"/>-th arrival, that a lookup must settle.</summary>
    public void WantConfirmation(ProviderEvent claim, int news)
    {
        confirmAfter = news;
        if (claim.ClaimsSuccess)
        {
            UnconfirmedSuccess ??= claim;
        }
    }

    public void SawUnconfirmedSuccess(ProviderEvent claim) => UnconfirmedSuccess ??= claim;

    /// <summary>A success claimed after the end, to be confirmed (a late payment) or found contradicted.</summary>
    public void ClaimedLate(ProviderEvent claim, int news)
    {
        confirmAfter = news;
        lateClaim ??= claim;
        lateClaimNews = news;
    }

    /// <summary>
    /// A lookup was made. It settles the claims that arrived before it was asked and returns the
    /// late claim it judges, if any; a claim that arrived while it was in flight waits for the next.
    /// </summary>
    public ProviderEvent? Looked(StatusLookupNeed need, IRuleChanges rules)
    {
        if (confirmAfter is { } after)
        {
            var keep = need.NewsSeen < after && deferrals < MaxDeferrals && rules.LookupsAnswerOnlyForEarlierNews;
            confirmAfter = keep ? after : null;
            deferrals += keep ? 1 : 0;
        }

        if (lateClaim is not { } claim || (need.NewsSeen < lateClaimNews && rules.LookupsAnswerOnlyForEarlierNews))
        {
            return null;
        }

        lateClaim = null;
        return claim;
    }
}

/// <summary>What a checkout's callbacks left to settle.</summary>
public sealed record ClaimsState(bool ConfirmationWanted, ProviderEvent? UnconfirmedSuccess, int Deferrals, HintState Hints);
