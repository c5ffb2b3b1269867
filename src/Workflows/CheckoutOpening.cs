using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Workflows;

/// <summary>
/// A checkout the moment its session opens, from nothing but what its workflow's history holds (the
/// start event and the create's result): the workflow builds its state with it, and the API answers
/// POST /checkouts with it, read from that history, without asking the workflow.
/// </summary>
public static class CheckoutOpening
{
    /// <summary>The checkout's creation time: when its workflow started, as the start event records it.</summary>
    public static DateTimeOffset CreatedAt(DateTime workflowStartTime) =>
        new(DateTime.SpecifyKind(workflowStartTime, DateTimeKind.Utc));

    /// <summary>Our deadline, moved later if the provider keeps the session open longer: never expire while it may still take the payment.</summary>
    public static DateTimeOffset Deadline(DateTimeOffset ours, ProviderSession session) =>
        session.ExpiresAt is { } providerDeadline && providerDeadline > ours ? providerDeadline : ours;

    /// <summary>Starts the ledger's timeline with the status the session was opened in.</summary>
    public static void Open(CheckoutLedger ledger, ProviderSession session, DateTimeOffset at) =>
        ledger.Open(session.Status.Status ?? PaymentStatus.Pending, at, session.Status.Raw);

    /// <summary>What the workflow's own snapshot says right after the session opened.</summary>
    public static CheckoutSnapshot Snapshot(CheckoutWorkflowInput input, DateTimeOffset createdAt, ProviderSession session)
    {
        var ledger = new CheckoutLedger();
        Open(ledger, session, createdAt);
        var deadline = Deadline(createdAt.AddSeconds(input.Request.ExpiresInSeconds), session);
        return CheckoutSnapshot.Of(input, ledger, session, session.Status.Raw, createdAt, deadline);
    }
}
