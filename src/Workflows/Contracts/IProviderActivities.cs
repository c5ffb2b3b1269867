using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Routing;
using Temporalio.Activities;

namespace CheckoutOrchestrator.Workflows.Contracts;

/// <summary>
/// What a checkout asks of its provider. The workflows call these by name; the worker's provider
/// adapters implement them, so nothing here knows HTTP.
/// </summary>
public interface IProviderActivities
{
    /// <summary>The create's activity type, which the opening reader finds in a checkout's history.</summary>
    public const string CreateSessionType = "CreateSession";

    [Activity(CreateSessionType)]
    Task<ProviderSession> CreateSessionAsync(CreateSessionInput input);

    [Activity("GetStatus")]
    Task<ProviderStatus> GetStatusAsync(StatusLookupInput input);
}

/// <summary>
/// One create. <paramref name="Reference"/> is the reference the checkout gives the provider (decided
/// when it started, never a secret). <paramref name="Alternatives"/>: where a checkout that named no
/// provider may open when the first choice proves it holds no session.
/// </summary>
public sealed record CreateSessionInput(string CheckoutId, CheckoutRequest Request, string Reference, IReadOnlyList<ProviderRoute>? Alternatives = null);

public sealed record StatusLookupInput(string CheckoutId, PaymentProvider Provider, ProviderSession Session);
