namespace CheckoutOrchestrator.Client.Events;

/// <summary>The merchant's signing secrets (several while one is rotated) and the clock tolerance.</summary>
public sealed class CheckoutEventOptions
{
    /// <summary>The signing secrets an event may be signed with (hold the old and the new one while a secret is rotated).</summary>
    public IList<string> SigningSecrets { get; } = [];

    /// <summary>How far an event's timestamp may be from now (five minutes by default).</summary>
    public TimeSpan Tolerance { get; set; } = CheckoutEvents.DefaultTolerance;
}
