namespace CheckoutOrchestrator.Providers;

/// <summary>
/// What a provider can do, as far as a running checkout needs to know; it travels in the checkout's
/// input, so a later release never changes a checkout already running.
/// </summary>
/// <param name="StatusLookup">The provider answers "where does this session stand?".</param>
/// <param name="CreateRetry">What stops a retried create from opening a second, payable session.</param>
/// <param name="AccountLevelWebhooks">Callbacks go to one URL per account and name only the provider's ids.</param>
/// <param name="LookupFindsUnpaidSessions">The lookup knows a session before anyone pays, so "not found" is a warning sign.</param>
/// <param name="SessionClosesOnFailure">A failed attempt ends the session; otherwise its page lets the customer try again.</param>
public sealed record ProviderCapabilities(
    bool StatusLookup,
    CreateRetrySafety CreateRetry,
    bool AccountLevelWebhooks,
    bool LookupFindsUnpaidSessions,
    bool SessionClosesOnFailure);
