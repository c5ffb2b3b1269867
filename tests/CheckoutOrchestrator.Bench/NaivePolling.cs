namespace CheckoutOrchestrator.Bench;

/// <summary>
/// The design a first version would take: start, create the session, then a timer and a status
/// lookup every 5 seconds until the provider says final or the expiry passes; no callbacks, no
/// search attributes, no merchant events. Counted with the same rules as <see cref="BillableActions"/>.
/// </summary>
public static class NaivePolling
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    /// <summary>Actions when the outcome is known at <paramref name="outcomeAfter"/> (null: never, so it runs to the expiry).</summary>
    public static int Actions(TimeSpan? outcomeAfter, TimeSpan expiry)
    {
        var until = outcomeAfter is { } at && at < expiry ? at : expiry;
        var polls = (int)Math.Ceiling(until / Every);
        return 1 + 1 + (2 * polls);
    }

    /// <summary>History events: per poll a timer (started, fired), an activity (scheduled, started, completed) and a workflow task (3).</summary>
    public static int Events(TimeSpan? outcomeAfter, TimeSpan expiry)
    {
        var until = outcomeAfter is { } at && at < expiry ? at : expiry;
        var polls = (int)Math.Ceiling(until / Every);
        return 3 + 6 + (8 * polls) + 1;
    }
}
