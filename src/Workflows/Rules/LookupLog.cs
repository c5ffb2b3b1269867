using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Workflows.Rules;

/// <summary>
/// The checkout's lookups: the order in which news (a callback, a cancel) and lookups happened, so a
/// lookup is held to answer only for news that arrived before it was asked, and what the last one said.
/// </summary>
public sealed class LookupLog
{
    private int news;

    /// <summary>The last lookup could not be made: that is no evidence of anything.</summary>
    public bool LastUnanswered { get; private set; }

    /// <summary>The last answered lookup said the provider does not know the session.</summary>
    public bool LastMissedSession { get; private set; }

    /// <summary>What the last lookups said, for a continued run.</summary>
    public LookupState State => new(LastUnanswered, LastMissedSession);

    /// <summary>A log carried from an earlier run: news is counted afresh, since nothing is in flight across runs.</summary>
    public static LookupLog From(LookupState state) => new() { LastUnanswered = state.LastUnanswered, LastMissedSession = state.LastMissedSession };

    /// <summary>Something arrived that a lookup already in flight may have read too early for; returns its place in line.</summary>
    public int NewsArrived() => ++news;

    public StatusLookupNeed Need(StatusSource source, string? detail, DateTimeOffset now, DateTimeOffset? retryUntil = null, bool boughtByHint = false) =>
        new(source, detail, now, news, retryUntil, boughtByHint);

    public void Answered(ProviderStatus? answer)
    {
        LastUnanswered = answer is null;
        if (answer is not null)
        {
            LastMissedSession = answer.SessionMissing;
        }
    }
}

/// <summary>What a checkout's last lookups said.</summary>
public sealed record LookupState(bool LastUnanswered, bool LastMissedSession);
