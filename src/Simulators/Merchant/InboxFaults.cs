namespace CheckoutOrchestrator.Simulators.Merchant;

/// <summary>
/// How the merchant's endpoint misbehaves: the next N deliveries answer <see cref="FailStatus"/>;
/// deliveries of the <see cref="HoldTypes"/> events get no answer until released (a slow endpoint).
/// </summary>
public sealed record InboxFaults
{
    public int FailNext { get; init; }

    public int FailStatus { get; init; } = 503;

    public IReadOnlyList<string> HoldTypes { get; init; } = [];
}
