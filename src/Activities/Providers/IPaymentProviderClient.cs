using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Providers;

/// <summary>One provider's API, as the checkout activities use it.</summary>
public interface IPaymentProviderClient
{
    PaymentProvider Provider { get; }

    /// <summary>Opens a hosted session. The request has already passed the provider's rules.</summary>
    Task<ProviderSession> CreateSessionAsync(CreateSessionCommand command, CancellationToken cancellationToken);

    /// <summary>Asks the provider where the session stands. Only called when the provider has a status lookup.</summary>
    Task<ProviderStatus> GetStatusAsync(ProviderSession session, CancellationToken cancellationToken);
}

/// <summary>A create for one checkout. <see cref="Attempt"/> is Temporal's attempt number, starting at 1.</summary>
public sealed record CreateSessionCommand(string CheckoutId, CheckoutRequest Request, int Attempt)
{
    public ProviderCallContext CallContext(Func<string?, string?, bool>? isDuplicateReference = null) => new(
        Request.Provider,
        ProviderOperation.CreateSession,
        ProviderProfiles.For(Request.Provider).Capabilities.CreateRetry,
        Attempt,
        isDuplicateReference);
}
