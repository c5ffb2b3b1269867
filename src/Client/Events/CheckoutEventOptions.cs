namespace CheckoutOrchestrator.Client.Events;

/// <summary>The merchant's signing secrets (several while one is rotated) and the clock tolerance.</summary>
public sealed class CheckoutEventOptions
{
    public IList<string> SigningSecrets { get; } = [];

    public TimeSpan Tolerance { get; set; } = CheckoutEvents.DefaultTolerance;
}
