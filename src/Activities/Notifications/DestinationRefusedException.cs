namespace CheckoutOrchestrator.Notifications;

/// <summary>A merchant endpoint whose name resolves only to addresses inside the network, which the operator has not allowed.</summary>
public sealed class DestinationRefusedException : IOException
{
    // Says nothing of what the name resolves to: a merchant must not learn the network's inside from it.
    public DestinationRefusedException(string host)
        : base($"{host} is not an address events may be sent to; events go only to public addresses or to endpoints the operator allows.")
    {
    }
}
