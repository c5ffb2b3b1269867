namespace CheckoutOrchestrator.Simulators.Infrastructure;

/// <summary>A callback a simulated provider posts to a merchant, exactly as it will be sent.</summary>
public sealed record OutgoingCallback(Uri Url, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>Set on a forged copy: which forgery it is.</summary>
    public string? Forgery { get; init; }
}

/// <summary>One delivery attempt, kept so a person or a test can see what was sent and what came back.</summary>
/// <paramref name="Forgery"/> names the forgery when the delivery was one.
public sealed record CallbackDelivery(string Provider, Uri Url, string Body, int? ResponseStatus, DateTimeOffset At, string? Forgery = null);
