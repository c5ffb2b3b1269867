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

/// <summary>
/// A create for one checkout. <see cref="Attempt"/> is Temporal's attempt number, starting at 1.
/// <see cref="Reference"/> is what this attempt gives the provider as ours: the checkout's own, except
/// where the provider refuses a reference twice (<see cref="CreateRetrySafety.UniqueReference"/>) and
/// an earlier attempt may have used it up without anyone seeing its session's URL; such a retry
/// uses one of its own.
/// </summary>
public sealed record CreateSessionCommand(string CheckoutId, CheckoutRequest Request, string CheckoutReference, int Attempt)
{
    public string Reference =>
        Attempt > 1 && ProviderProfiles.For(Request.Provider).Capabilities.CreateRetry == CreateRetrySafety.UniqueReference
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{CheckoutReference}-{Attempt}")
            : CheckoutReference;

    public ProviderCallContext CallContext(Func<string?, string?, bool>? isDuplicateReference = null) => new(
        Request.Provider,
        ProviderOperation.CreateSession,
        ProviderProfiles.For(Request.Provider).Capabilities.CreateRetry,
        Attempt,
        isDuplicateReference);
}
