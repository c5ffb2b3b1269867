namespace CheckoutOrchestrator.Simulators.Merchant;

/// <summary>How the merchant's endpoint misbehaves: the next N deliveries answer <see cref="FailStatus"/>.</summary>
public sealed record InboxFaults
{
    public int FailNext { get; init; }

    public int FailStatus { get; init; } = 503;
}
