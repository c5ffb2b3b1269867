namespace CheckoutOrchestrator.Providers;

/// <summary>
/// When a checkout asks its provider where the payment stands. Callbacks are the main signal; a poll
/// is insurance against a lost one and costs two Temporal actions (its timer and its activity) and
/// provider quota. Fixed in the checkout's input when it starts, so a later change never alters a
/// running checkout (nor the replay of its history).
/// </summary>
/// <param name="Intervals">The waits between polls after the session opens; the last one repeats.</param>
/// <param name="LateLookups">When, after an unpaid end, to ask once more.</param>
/// <param name="LateWindow">How long after an unpaid end callbacks are still read by the checkout itself.</param>
public sealed record PollPlan(IReadOnlyList<TimeSpan> Intervals, IReadOnlyList<TimeSpan> LateLookups, TimeSpan LateWindow)
{
    /// <summary>The plan of checkouts started before plans were kept in their input.</summary>
    public static PollPlan Original { get; } = new(
        [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(15)],
        [TimeSpan.FromHours(1), TimeSpan.FromHours(6), TimeSpan.FromHours(24)],
        TimeSpan.FromHours(24));

    /// <summary>
    /// Polls every 15 minutes after opening (a 30-minute checkout: one poll and the deadline check);
    /// after an unpaid end, once more 24 hours later. Callbacks carry the news; a poll only catches a
    /// lost one, so each is spent where it buys the most: see README "Benchmark" for the trade. It
    /// also keeps Adullam (100 requests a minute, 1000 an hour per account) far inside its budget.
    /// </summary>
    public static PollPlan Standard { get; } = new(
        [TimeSpan.FromMinutes(15)],
        [TimeSpan.FromHours(24)],
        TimeSpan.FromHours(24));
}
