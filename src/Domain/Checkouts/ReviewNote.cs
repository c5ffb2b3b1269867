namespace CheckoutOrchestrator.Checkouts;

/// <summary>Why a person should look, in words, when it was first seen, and how an operator resolved it.</summary>
public sealed record ReviewNote(ReviewReason Reason, string Note, DateTimeOffset At, ReviewResolution? Resolution = null)
{
    /// <summary>Whether the merchant is told: not for what an unauthenticated callback alone raised.</summary>
    public bool TellsMerchant => Reason != ReviewReason.UnverifiedLateClaim;

    public bool IsOpen => Resolution is null;
}
