namespace CheckoutOrchestrator.Workflows.Opening;

public enum OpenResult
{
    /// <summary>The session is open (now, or by an earlier identical request).</summary>
    Opened,

    /// <summary>The session could not be opened; <see cref="OpenOutcome.Failure"/> says why.</summary>
    Failed,

    /// <summary>The merchant reference already belongs to a different request.</summary>
    Conflict,

    /// <summary>The checkout started but the provider has not answered yet.</summary>
    StillOpening,
}

public sealed record OpenOutcome(OpenResult Result, string CheckoutId, CheckoutSnapshot? Snapshot = null, CheckoutFailure? Failure = null)
{
    public static OpenOutcome Conflict(string checkoutId) => new(OpenResult.Conflict, checkoutId);
}
