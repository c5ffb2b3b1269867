namespace CheckoutOrchestrator.Notifications;

/// <summary>A merchant endpoint whose name resolves only to addresses inside the network, which the operator has not allowed.</summary>
public sealed class DestinationRefusedException : IOException
{
    public DestinationRefusedException(string host)
        : base($"{host} resolves to no public address; events go only to public addresses or to endpoints the operator allows.")
    {
    }
}
