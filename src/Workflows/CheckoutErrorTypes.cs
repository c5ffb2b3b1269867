namespace CheckoutOrchestrator.Workflows;

public static class CheckoutErrorTypes
{
    /// <summary>The merchant reference already belongs to a checkout with a different request.</summary>
    public const string Conflict = "CheckoutConflict";
}
