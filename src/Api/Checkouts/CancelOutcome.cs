using CheckoutOrchestrator.Workflows;

namespace CheckoutOrchestrator.Api.Checkouts;

public enum CancelResult
{
    /// <summary>The checkout is final and not paid: cancelled now, or ended earlier (the snapshot says how).</summary>
    Final,

    /// <summary>The checkout is paid, or its payment won the race with the cancel.</summary>
    AlreadySucceeded,

    /// <summary>The cancel is accepted but the last lookup has not finished within the API's wait.</summary>
    StillCancelling,

    NotFound,
}

public sealed record CancelOutcome(CancelResult Result, CheckoutSnapshot? Snapshot = null);
