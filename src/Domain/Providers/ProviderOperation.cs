namespace CheckoutOrchestrator.Providers;

public enum ProviderOperation
{
    Authenticate,
    CreateSession,
    GetStatus,
}
