namespace CheckoutOrchestrator.Workflows;

public static class CheckoutErrorTypes
{
    /// <summary>The merchant reference already belongs to a checkout with a different request.</summary>
    public const string Conflict = "CheckoutConflict";

    /// <summary>A cancel came for a checkout that is paid (or whose payment won the race with the cancel).</summary>
    public const string AlreadySucceeded = "CheckoutAlreadySucceeded";
}
