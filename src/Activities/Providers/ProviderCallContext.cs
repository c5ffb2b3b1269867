using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Providers;

/// <summary>
/// What the classifier needs to know about a provider call to decide whether retrying it is safe.
/// </summary>
public sealed record ProviderCallContext(
    PaymentProvider Provider,
    ProviderOperation Operation,
    CreateRetrySafety CreateRetry = CreateRetrySafety.None,
    int Attempt = 1,
    Func<string?, string?, bool>? IsDuplicateReference = null)
{
    /// <summary>
    /// A create at a provider that prompts the customer on create with neither idempotency nor a
    /// unique reference: if it may have reached the provider, retrying could open a second session.
    /// </summary>
    public bool IsUnsafeToRetryAmbiguousCreate =>
        Operation == ProviderOperation.CreateSession && CreateRetry == CreateRetrySafety.None;

    /// <summary>
    /// A retried create at a unique-reference provider refused as a duplicate: an attempt did open a
    /// session under that reference, but its answer was lost. Nobody saw that session's URL, so the
    /// next attempt opens one under a reference of its own. (A first attempt refused so is a refusal.)
    /// </summary>
    public bool IsReferenceTaken(string? code, string? message) =>
        Operation == ProviderOperation.CreateSession
        && CreateRetry == CreateRetrySafety.UniqueReference
        && Attempt > 1
        && IsDuplicateReference?.Invoke(code, message) == true;
}
