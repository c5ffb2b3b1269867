namespace CheckoutOrchestrator.Providers;

/// <summary>
/// When a checkout asks its provider where the payment stands. Callbacks are the main signal; a poll
/// is insurance against a lost one and costs two Temporal actions (its timer and its activity) and
/// provider quota. Fixed in the checkout's input when it starts, so a later change never alters a
/// running checkout (nor the replay of its history).
/// </summary>
/// <param name="Intervals">The waits between polls after the session opens; the last one repeats.</param>
/// <param name="LateLookups">When, after an unpaid end, to ask once more.</param>
/// <param name="LateWindow">
/// How long after an unpaid end callbacks are still read by the checkout itself, at most: the watch
/// ends once its last lookup has an answer. The last lookup may retry until then.
/// </param>
public sealed record PollPlan(IReadOnlyList<TimeSpan> Intervals, IReadOnlyList<TimeSpan> LateLookups, TimeSpan LateWindow)
{
    /// <summary>
    /// Polls every 15 minutes after opening (a 30-minute checkout: one poll and the deadline check);
    /// after an unpaid end, once more 24 hours later, retried for up to an hour until it gets an
    /// answer (the watch ends with that answer, or on review without one). Callbacks carry the news; a
    /// poll only catches a lost one, so each is spent where it buys the most
    /// (docs/decisions/0004-fifteen-minute-polls.md). It also keeps Adullam (100 requests a minute, 1000 an
    /// hour per account) far inside its budget.
    /// </summary>
    public static PollPlan Standard { get; } = new(
        [TimeSpan.FromMinutes(15)],
        [TimeSpan.FromHours(24)],
        TimeSpan.FromHours(25));
}
