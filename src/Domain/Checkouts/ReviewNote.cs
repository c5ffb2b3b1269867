namespace CheckoutOrchestrator.Checkouts;

/// <summary>Why a person should look, in words, and when it was first seen.</summary>
public sealed record ReviewNote(ReviewReason Reason, string Note, DateTimeOffset At)
{
    /// <summary>Whether the merchant is told: not for what an unauthenticated callback alone raised.</summary>
    public bool TellsMerchant => Reason != ReviewReason.UnverifiedLateClaim;
}
