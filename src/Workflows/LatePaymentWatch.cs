namespace CheckoutOrchestrator.Workflows;

/// <summary>
/// How long, and how often, a checkout that ended without payment keeps asking the provider whether
/// money moved after all: a session a provider keeps open can still be paid. Sparse on purpose: each
/// lookup costs two Temporal actions (its timer and its activity) and one provider request.
/// </summary>
public static class LatePaymentWatch
{
    /// <summary>Callbacks are read, and lookups made, for this long after the end.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>When to look the session up, counted from the end (providers with a status lookup only).</summary>
    public static readonly IReadOnlyList<TimeSpan> LookupsAfterEnd = [TimeSpan.FromHours(1), TimeSpan.FromHours(6), TimeSpan.FromHours(24)];
}
