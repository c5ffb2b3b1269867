namespace CheckoutOrchestrator.Workflows;

public static class CheckoutErrorTypes
{
    /// <summary>The merchant reference already belongs to a checkout with a different request.</summary>
    public const string Conflict = "CheckoutConflict";

    /// <summary>A cancel came for a checkout that is paid (or whose payment won the race with the cancel).</summary>
    public const string AlreadySucceeded = "CheckoutAlreadySucceeded";

    /// <summary>A cancel came for a checkout that has ended, or is already being cancelled: its state is the answer.</summary>
    public const string AlreadyEnding = "CheckoutAlreadyEnding";

    /// <summary>An operator's resolution names a reason the checkout has no review note for.</summary>
    public const string NoSuchReview = "CheckoutNoSuchReview";

    /// <summary>An operator's resolution names a review note that is resolved already: the first resolution stands.</summary>
    public const string ReviewResolved = "CheckoutReviewResolved";
}
